// Copyright the cognito-mfa-examples contributors.
// SPDX-License-Identifier: Apache-2.0
package com.example.cognito.actions

// snippet-start:[kotlin.cognito-idp.Hello]
import aws.sdk.kotlin.services.cognitoidentityprovider.CognitoIdentityProviderClient
import aws.sdk.kotlin.services.cognitoidentityprovider.model.CognitoIdentityProviderException
import aws.sdk.kotlin.services.cognitoidentityprovider.model.ListUserPoolsRequest
import aws.smithy.kotlin.runtime.SdkBaseException
import kotlin.system.exitProcess

/**
 * A first program: lists up to 10 of the user pools of your account in the current Region.
 *
 * The client comes from the SDK's default chain: the Region from `AWS_REGION` or your profile,
 * credentials from the environment or `~/.aws`, and the endpoint from `AWS_ENDPOINT_URL` when
 * it is set (a local `cognito-emulator`, for instance).
 */
suspend fun main() {
    CognitoIdentityProviderClient.fromEnvironment().use { client ->
        if (client.config.region == null) {
            System.err.println("error: no AWS Region: set AWS_REGION (or a region in your AWS profile)")
            exitProcess(2)
        }
        try {
            val response = client.listUserPools(ListUserPoolsRequest { maxResults = 10 })
            val pools = response.userPools.orEmpty()
            val more = if (response.nextToken != null) " (and more)" else ""
            println("Hello, Amazon Cognito! Your user pools in ${client.config.region}$more:")
            pools.forEach { println("  ${it.id}  ${it.name}") }
            if (pools.isEmpty()) println("  (none yet)")
        } catch (e: CognitoIdentityProviderException) {
            // access denied, throttled...
            System.err.println("error: ${e.sdkErrorMetadata.errorCode}: ${e.sdkErrorMetadata.errorMessage}")
            exitProcess(1)
        } catch (e: SdkBaseException) {
            // no credentials, endpoint unreachable
            System.err.println("error: ${e.message?.lineSequence()?.first()}")
            exitProcess(2)
        }
    }
}
// snippet-end:[kotlin.cognito-idp.Hello]
