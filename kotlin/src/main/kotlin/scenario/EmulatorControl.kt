// Copyright the cognito-mfa-examples contributors.
// SPDX-License-Identifier: Apache-2.0
package com.example.cognito.scenario

import kotlinx.coroutines.future.await
import kotlinx.serialization.json.Json
import kotlinx.serialization.json.JsonObject
import kotlinx.serialization.json.buildJsonObject
import kotlinx.serialization.json.double
import kotlinx.serialization.json.jsonArray
import kotlinx.serialization.json.jsonObject
import kotlinx.serialization.json.jsonPrimitive
import kotlinx.serialization.json.put
import java.net.URI
import java.net.URLEncoder
import java.net.http.HttpClient
import java.net.http.HttpRequest
import java.net.http.HttpResponse
import java.time.Duration

/**
 * The local backend's control seam (`/_emulator/...`): the codes it "sent" and its clock.
 *
 * Only the local backend has it: real Cognito e-mails codes and keeps real time.
 */
class EmulatorControl(
    private val url: String,
) {
    /** One message the backend delivered instead of e-mailing it. */
    data class Message(
        val username: String,
        val userPoolId: String,
        val trigger: String,
        val code: String,
    )

    private val http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()

    /** The messages delivered to [username] in [userPoolId] (each filter optional), oldest first. */
    suspend fun messages(
        username: String? = null,
        userPoolId: String? = null,
    ): List<Message> {
        val query =
            listOfNotNull(username?.let { "username" to it }, userPoolId?.let { "user_pool_id" to it })
                .joinToString("&") { (name, value) -> "$name=${URLEncoder.encode(value, Charsets.UTF_8)}" }
        val document = call(HttpRequest.newBuilder(uri("messages", query)).GET())
        return document.getValue("messages").jsonArray.map { element ->
            val fields = element.jsonObject
            Message(
                username = fields.text("username"),
                userPoolId = fields.text("user_pool_id"),
                trigger = fields.text("trigger"),
                code = fields.text("code"),
            )
        }
    }

    /** The newest code delivered to [username] of [userPoolId], or `null`. */
    suspend fun latestCode(
        username: String,
        userPoolId: String,
    ): String? = messages(username, userPoolId).lastOrNull()?.code

    /** The time the backend uses, in epoch seconds (ahead of real time once it was advanced). */
    suspend fun now(): Double = clock(HttpRequest.newBuilder(uri("clock")).GET())

    /** Makes [seconds] pass on the backend's clock (codes, sessions and tokens age); returns [now]. */
    suspend fun advanceClock(seconds: Long): Double {
        val body = buildJsonObject { put("advance", seconds) }.toString()
        return clock(HttpRequest.newBuilder(uri("clock")).POST(HttpRequest.BodyPublishers.ofString(body)))
    }

    private suspend fun clock(request: HttpRequest.Builder): Double = call(request).getValue("now").jsonPrimitive.double

    private fun uri(
        path: String,
        query: String = "",
    ): URI = URI.create("${url.trimEnd('/')}/_emulator/$path" + if (query.isEmpty()) "" else "?$query")

    private suspend fun call(request: HttpRequest.Builder): JsonObject {
        val response =
            http
                .sendAsync(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString())
                .await()
        check(response.statusCode() == 200) {
            "the local backend answered ${response.statusCode()} to ${response.request().uri().path}: ${response.body()}"
        }
        return Json.parseToJsonElement(response.body()).jsonObject
    }

    private fun JsonObject.text(name: String): String = get(name)?.jsonPrimitive?.content.orEmpty()
}
