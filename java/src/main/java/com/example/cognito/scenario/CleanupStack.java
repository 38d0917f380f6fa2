// Copyright the cognito-mfa-examples contributors.
// SPDX-License-Identifier: Apache-2.0
package com.example.cognito.scenario;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

/**
 * What the scenario created, removed in reverse order whatever happens.
 *
 * <p>Each resource is pushed right after it exists (the pool as soon as CreateUserPool returns), so
 * an error, a user mistake or a signal at any later step still removes it. Removal keeps going when
 * one removal fails. A resource Cognito removes carries the operation that does it, so the clean-up
 * can announce each call before making it. Safe to use from the main thread and a shutdown hook at
 * once: {@link #close()} runs once; a resource pushed after it is removed at once.
 */
public final class CleanupStack {
  /** How to remove one resource. */
  @FunctionalInterface
  public interface Removal {
    /**
     * Removes the resource.
     *
     * @throws Exception when it couldn't be removed
     */
    void remove() throws Exception;
  }

  /**
   * The outcome of removing one resource.
   *
   * @param what the resource, in words
   * @param error why it couldn't be removed, or null when it was
   */
  public record Outcome(String what, String error) {
    /**
     * Whether it is gone.
     *
     * @return true when removed
     */
    public boolean ok() {
      return error == null;
    }
  }

  private record Item(String what, String operation, Removal removal) {}

  private final Deque<Item> items = new ArrayDeque<>();
  private List<Outcome> outcomes;

  /**
   * Remembers that {@code what} exists and how to remove it, without a Cognito call (a file).
   *
   * @param what the resource, in words ({@code the QR code image})
   * @param removal how to remove it
   */
  public void push(String what, Removal removal) {
    push(what, null, removal);
  }

  /**
   * Remembers that {@code what} exists and how to remove it with Cognito's {@code operation}.
   *
   * @param what the resource, in words ({@code user pool us-east-1_AbC})
   * @param operation the Cognito operation that removes it ({@code DeleteUserPool}), or null
   * @param removal how to remove it
   */
  public void push(String what, String operation, Removal removal) {
    synchronized (this) {
      if (outcomes == null) {
        items.push(new Item(what, operation, removal));
        return;
      }
    }
    remove(new Item(what, operation, removal)); // created after clean-up started: remove it now
  }

  /**
   * Creates a resource and pushes its removal in one step, so that a clean-up that starts meanwhile
   * (a signal) waits for the creation and then removes the resource too.
   *
   * @param <T> what the creation returns
   * @param create creates the resource
   * @param what the resource in words, from what the creation returned
   * @param removal how to remove it, from what the creation returned
   * @return what the creation returned
   * @throws ScenarioAborted when the clean-up has started already (nothing is created)
   */
  public <T> T create(Supplier<T> create, Function<T, String> what, Function<T, Removal> removal) {
    return create(create, what, null, removal);
  }

  /**
   * Like {@link #create(Supplier, Function, Function)}, for a resource that Cognito's {@code
   * operation} removes.
   *
   * @param <T> what the creation returns
   * @param create creates the resource
   * @param what the resource in words, from what the creation returned
   * @param operation the Cognito operation that removes it ({@code DeleteUserPool}), or null
   * @param removal how to remove it, from what the creation returned
   * @return what the creation returned
   * @throws ScenarioAborted when the clean-up has started already (nothing is created)
   */
  public synchronized <T> T create(
      Supplier<T> create,
      Function<T, String> what,
      String operation,
      Function<T, Removal> removal) {
    if (outcomes != null) {
      throw new ScenarioAborted("stopping: nothing more is created");
    }
    T created = create.get();
    items.push(new Item(what.apply(created), operation, removal.apply(created)));
    return created;
  }

  /**
   * Forgets {@code what} (the flow removed it itself).
   *
   * @param what the resource, as pushed
   */
  public synchronized void discard(String what) {
    items.removeIf(item -> item.what().equals(what));
  }

  /**
   * How many resources are waiting to be removed.
   *
   * @return the count
   */
  public synchronized int size() {
    return items.size();
  }

  /**
   * Removes everything, last pushed first. Runs once; later calls return the same outcomes.
   *
   * @return the outcome of each removal, in order
   */
  public List<Outcome> close() {
    return close((what, operation) -> {}, outcome -> {});
  }

  /**
   * Removes everything, last pushed first, telling {@code before} about each removal before it (the
   * resource and its Cognito operation, or null) and {@code after} about its outcome. Runs once;
   * later calls return the same outcomes and tell nothing.
   *
   * @param before called before each removal with the resource and its operation
   * @param after called after each removal with its outcome
   * @return the outcome of each removal, in order
   */
  public synchronized List<Outcome> close(
      BiConsumer<String, String> before, Consumer<Outcome> after) {
    if (outcomes == null) {
      outcomes = new ArrayList<>();
      while (!items.isEmpty()) {
        Item item = items.pop();
        before.accept(item.what(), item.operation());
        Outcome outcome = remove(item);
        outcomes.add(outcome);
        after.accept(outcome);
      }
    }
    return List.copyOf(outcomes);
  }

  private static Outcome remove(Item item) {
    try {
      item.removal().remove();
      return new Outcome(item.what(), null);
    } catch (AwsServiceException e) { // Cognito refused: its error code and message
      return new Outcome(
          item.what(), e.awsErrorDetails().errorCode() + ": " + e.awsErrorDetails().errorMessage());
    } catch (Exception e) { // report it and keep removing the rest
      String message = String.valueOf(e.getMessage()).lines().findFirst().orElse("");
      return new Outcome(item.what(), e.getClass().getSimpleName() + ": " + message);
    }
  }
}
