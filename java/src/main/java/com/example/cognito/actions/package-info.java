// Copyright the cognito-mfa-examples contributors.
// SPDX-License-Identifier: Apache-2.0
/**
 * One Amazon Cognito Identity Provider operation per class, named after the operation ({@code
 * SignUp}, {@code AssociateSoftwareToken}, ...).
 *
 * <p>Each class has one static method that takes a {@link
 * software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient} first:
 * copy the method into your code and pass your own client. Each class also has a {@code main} that
 * answers {@code --help} and runs the call against whatever the SDK's default chain finds (your AWS
 * account, or the local {@code cognito-emulator} when {@code AWS_ENDPOINT_URL} points at it);
 * {@link com.example.cognito.actions.ExampleCli} is the small command line they share.
 */
package com.example.cognito.actions;
