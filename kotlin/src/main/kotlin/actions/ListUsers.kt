// Copyright the cognito-mfa-examples contributors.
// SPDX-License-Identifier: Apache-2.0
package com.example.cognito.actions

import aws.sdk.kotlin.services.cognitoidentityprovider.CognitoIdentityProviderClient
import aws.sdk.kotlin.services.cognitoidentityprovider.model.CognitoIdentityProviderException
import aws.sdk.kotlin.services.cognitoidentityprovider.model.ListUsersRequest
import aws.sdk.kotlin.services.cognitoidentityprovider.model.ResourceNotFoundException
import aws.sdk.kotlin.services.cognitoidentityprovider.model.UserType
import aws.sdk.kotlin.services.cognitoidentityprovider.paginators.listUsersPaginated
import aws.sdk.kotlin.services.cognitoidentityprovider.paginators.users
import kotlinx.coroutines.flow.toList
import org.slf4j.LoggerFactory

// snippet-start:[kotlin.cognito-idp.ListUsers]
private val logger = LoggerFactory.getLogger("com.example.cognito.actions.ListUsers")

/**
 * Lists the users of a user pool, page after page, with their status and attributes.
 *
 * Cognito returns at most 60 users a page; the SDK's paginator follows `PaginationToken` until
 * the last page. A [filter] such as `email ^= "ana"` narrows the list on Cognito's side.
 *
 * @param client The Cognito Identity Provider client.
 * @param userPoolId The ID of the user pool.
 * @param filter An optional Cognito filter expression (`attribute = "value"` or `^=` prefix).
 * @return Every matching user: user name, `userStatus` (such as `CONFIRMED`), attributes.
 */
suspend fun listUsers(
    client: CognitoIdentityProviderClient,
    userPoolId: String,
    filter: String? = null,
): List<UserType> {
    val request =
        ListUsersRequest {
            this.userPoolId = userPoolId
            this.filter = filter
        }
    try {
        return client.listUsersPaginated(request).users().toList()
    } catch (e: CognitoIdentityProviderException) {
        if (e is ResourceNotFoundException) {
            logger.error("There is no user pool {} in this Region.", userPoolId)
        }
        logger.error(
            "Couldn't list the users of user pool {}. Here's why: {}: {}",
            userPoolId,
            e.sdkErrorMetadata.errorCode,
            e.sdkErrorMetadata.errorMessage,
        )
        throw e
    }
}
// snippet-end:[kotlin.cognito-idp.ListUsers]

fun main(args: Array<String>) {
    val usage = """
        Usage: ListUsers <user-pool-id> [<filter>]

        Lists the users of a user pool with their status, e.g. with the filter
        'email ^= "ana"' only those whose e-mail address starts with ana.
    """
    exitUnlessZero(
        runExample(args, usage, 1..2) { client, a ->
            listUsers(client, a[0], a.getOrNull(1)).joinToString("\n") { user ->
                val email =
                    user.attributes
                        ?.firstOrNull { it.name == "email" }
                        ?.value
                        .orEmpty()
                "${user.username}  ${user.userStatus?.value}  $email"
            }
        },
    )
}
