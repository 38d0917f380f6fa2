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
