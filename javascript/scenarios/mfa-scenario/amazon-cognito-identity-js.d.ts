// Copyright the cognito-mfa-examples contributors.
// SPDX-License-Identifier: Apache-2.0
// Types for the parts of amazon-cognito-identity-js that device-srp.js uses: the library
// exports AuthenticationHelper and DateHelper, but its index.d.ts doesn't declare them.
export {};

type NodeCallback<T> = (err: Error | null, value: T) => void;

declare module "amazon-cognito-identity-js" {
  export class AuthenticationHelper {
    constructor(poolName: string);
    generateHashDevice(
      deviceGroupKey: string,
      username: string,
      callback: NodeCallback<null>,
    ): void;
    getRandomPassword(): string;
    getVerifierDevices(): string;
    getSaltDevices(): string;
    getLargeAValue(callback: NodeCallback<{ toString(radix: number): string }>): void;
    getPasswordAuthenticationKey(
      username: string,
      password: string,
      serverBValue: unknown,
      salt: unknown,
      callback: NodeCallback<Uint8Array>,
    ): void;
  }
  export class DateHelper {
    getNowString(): string;
  }
}
