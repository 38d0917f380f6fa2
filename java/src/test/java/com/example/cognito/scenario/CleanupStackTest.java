// Copyright the cognito-mfa-examples contributors.
// SPDX-License-Identifier: Apache-2.0
package com.example.cognito.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CleanupStackTest {

  @Test
  void removesLastCreatedFirstAndKeepsGoingAfterAFailure() {
    List<String> removed = new ArrayList<>();
    CleanupStack stack = new CleanupStack();
    stack.push("pool", () -> removed.add("pool"));
    stack.push(
        "client",
        () -> {
          throw new IllegalStateException("refused\nsecond line");
        });
    stack.create(() -> "ana", name -> "user " + name, name -> () -> removed.add(name));

    List<CleanupStack.Outcome> outcomes = stack.close();

    assertEquals(List.of("ana", "pool"), removed);
    assertEquals(
        List.of("user ana", "client", "pool"), outcomes.stream().map(o -> o.what()).toList());
    assertFalse(outcomes.get(1).ok());
    assertEquals("IllegalStateException: refused", outcomes.get(1).error());
    assertEquals(outcomes, stack.close(), "a second close removes nothing again");
  }

  @Test
  void closeAnnouncesEachRemovalWithItsOperationThenReportsIt() {
    List<String> events = new ArrayList<>();
    CleanupStack stack = new CleanupStack();
    stack.create(() -> "us-east-1_P", id -> "user pool " + id, "DeleteUserPool", id -> () -> {});
    stack.push("the QR code image", () -> events.add("removing the image"));
    stack.push(
        "user ana",
        "AdminDeleteUser",
        () -> {
          throw new IllegalStateException("refused");
        });

    stack.close(
        (what, operation) -> events.add("before " + what + " / " + operation),
        outcome -> events.add("after " + outcome.what() + (outcome.ok() ? "" : " failed")));

    assertEquals(
        List.of(
            "before user ana / AdminDeleteUser",
            "after user ana failed",
            "before the QR code image / null",
            "removing the image",
            "after the QR code image",
            "before user pool us-east-1_P / DeleteUserPool",
            "after user pool us-east-1_P"),
        events);
    events.clear();
    stack.close((what, operation) -> events.add(what), outcome -> events.add(outcome.what()));
    assertTrue(events.isEmpty(), "a second close tells nothing again");
  }

  @Test
  void afterCloseAPushIsRemovedAtOnceAndCreateRefuses() {
    List<String> removed = new ArrayList<>();
    CleanupStack stack = new CleanupStack();
    stack.close();

    stack.push("late", () -> removed.add("late"));

    assertEquals(List.of("late"), removed);
    boolean[] created = {false};
    assertThrows(
        ScenarioAborted.class,
        () -> stack.create(() -> created[0] = true, x -> "x", x -> () -> {}));
    assertFalse(created[0]);
  }

  @Test
  void discardForgetsAResource() {
    CleanupStack stack = new CleanupStack();
    stack.push(
        "image",
        () -> {
          throw new AssertionError("removed by the flow already");
        });
    stack.discard("image");

    assertTrue(stack.close().isEmpty());
  }
}
