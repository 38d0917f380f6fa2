// Copyright the cognito-mfa-examples contributors.
// SPDX-License-Identifier: Apache-2.0
// amazon-cognito-identity-js's big integers (SRP_B, SALT), which its index doesn't export.
declare module "amazon-cognito-identity-js/lib/BigInteger.js" {
  class BigInteger {
    constructor(value: string, radix: number);
  }
  const module: { default: typeof BigInteger };
  export default module;
}
