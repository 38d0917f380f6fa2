// Copyright the cognito-mfa-examples contributors.
// SPDX-License-Identifier: Apache-2.0
/**
 * Require (or allow) multi-factor sign-in with authenticator apps (SetUserPoolMfaConfig).
 *
 *     node actions/set-user-pool-mfa-config.js --user-pool-id us-east-1_EXAMPLE --mfa ON
 */
import {
  InvalidParameterException,
  ResourceNotFoundException,
  SetUserPoolMfaConfigCommand,
} from "@aws-sdk/client-cognito-identity-provider";
import { isMain, runExample } from "../lib/command-line.js";

// snippet-start:[javascript.v3.cognito-idp.SetUserPoolMfaConfig]
/**
 * Set whether users of a pool sign in with a second factor, and allow authenticator apps.
 *
 * With `ON`, Cognito requires MFA from every user: a user without an authenticator app gets
 * the `MFA_SETUP` challenge at the next sign-in, one with an app gets `SOFTWARE_TOKEN_MFA`.
 * With `OPTIONAL`, only users who turned MFA on get a challenge. Users already signed in
 * keep their tokens.
 *
 * @param {import("@aws-sdk/client-cognito-identity-provider").CognitoIdentityProviderClient} client
 *   A Cognito Identity Provider client.
 * @param {object} params
 * @param {string} params.userPoolId The ID of the user pool, such as `us-east-1_EXAMPLE`.
 * @param {import("@aws-sdk/client-cognito-identity-provider").UserPoolMfaType} [params.mfaConfiguration]
 *   `ON` (required, the default), `OPTIONAL` (per user) or `OFF`.
 * @param {boolean} [params.softwareTokenEnabled] Whether authenticator apps (TOTP) are an
 *   allowed factor (default true). Not sent with `OFF`: Cognito refuses to turn MFA off and
 *   configure a factor at once.
 * @returns {Promise<import("@aws-sdk/client-cognito-identity-provider").SetUserPoolMfaConfigResponse>}
 *   `MfaConfiguration`, `SoftwareTokenMfaConfiguration` and the pool's other MFA settings.
 */
export async function setUserPoolMfaConfig(
  client,
  { userPoolId, mfaConfiguration = "ON", softwareTokenEnabled = true },
) {
  const command = new SetUserPoolMfaConfigCommand({
    UserPoolId: userPoolId,
    MfaConfiguration: mfaConfiguration,
    SoftwareTokenMfaConfiguration:
      mfaConfiguration === "OFF" ? undefined : { Enabled: softwareTokenEnabled },
  });
  try {
    const { $metadata, ...response } = await client.send(command);
    return response;
  } catch (err) {
    if (err instanceof ResourceNotFoundException) {
      console.error(
        `There is no user pool ${userPoolId} in this account and Region: check the ID and Region.`,
      );
    } else if (err instanceof InvalidParameterException) {
      console.error(
        `MFA ${mfaConfiguration} needs at least one factor: enable authenticator apps (TOTP), ` +
          "or configure SMS or e-mail MFA.",
      );
    }
    console.error(
      `Couldn't set the MFA configuration of user pool ${userPoolId}. ` +
        `Here's why: ${err.name}: ${err.message}`,
    );
    throw err;
  }
}
// snippet-end:[javascript.v3.cognito-idp.SetUserPoolMfaConfig]

if (isMain(import.meta.url)) {
  await runExample({
    moduleUrl: import.meta.url,
    description: "Set a user pool's MFA (ON, OPTIONAL or OFF) with authenticator apps.",
    options: {
      "user-pool-id": { type: "string", required: true, metavar: "ID", help: "the user pool" },
      mfa: { type: "string", metavar: "ON|OPTIONAL|OFF", help: "MFA setting (default ON)" },
    },
    run: (client, args) => {
      const mfa = (args.mfa ?? "ON").toUpperCase();
      if (!["ON", "OPTIONAL", "OFF"].includes(mfa)) {
        throw new Error(`--mfa must be ON, OPTIONAL or OFF, not ${args.mfa}`);
      }
      return setUserPoolMfaConfig(client, {
        userPoolId: args["user-pool-id"],
        mfaConfiguration: mfa,
      });
    },
  });
}
