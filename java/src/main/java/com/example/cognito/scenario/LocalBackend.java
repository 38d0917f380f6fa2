// Copyright the cognito-mfa-examples contributors.
// SPDX-License-Identifier: Apache-2.0
package com.example.cognito.scenario;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The local Cognito backend, {@code cognito-emulator}: started as a process of its own, or one that
 * already runs at a URL; and its control seam, which tells the codes it "e-mailed" and moves its
 * clock.
 *
 * <p>The emulator is the console script of the project's Python environment, found on {@code PATH}
 * or named by the environment variable {@code COGNITO_EMULATOR}. It prints one line when it is
 * ready: {@code cognito-emulator listening on http://127.0.0.1:PORT, outbox DIR}.
 */
public final class LocalBackend implements AutoCloseable {
  /** The environment variable that names the emulator program. */
  public static final String PROGRAM_VARIABLE = "COGNITO_EMULATOR";

  private static final Pattern READY =
      Pattern.compile("^cognito-emulator listening on (http://\\S+), outbox (.+)$");
  private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

  private URI url;
  private final Process process;
  private final Path folder;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private LocalBackend(URI url, Process process, Path folder) {
    this.url = url;
    this.process = process;
    this.folder = folder;
  }

  /**
   * The emulator that already serves at {@code url}; {@link #close()} leaves it running.
   *
   * @param url its URL, such as {@code http://127.0.0.1:9229}
   * @return the backend
   */
  public static LocalBackend at(URI url) {
    return new LocalBackend(url, null, null);
  }

  /**
   * Starts {@code cognito-emulator --port 0 --outbox DIR} in a new private folder and waits for its
   * ready line.
   *
   * @return the running backend; {@link #close()} stops it and removes the folder
   * @throws IOException when the program is missing, exits or isn't ready within 60 s
   */
  public static LocalBackend start() throws IOException {
    LocalBackend backend = launch();
    try {
      return backend.awaitReady();
    } catch (IOException | RuntimeException e) {
      backend.close();
      throw e;
    }
  }

  /**
   * Starts {@code cognito-emulator --port 0 --outbox DIR} in a new private folder without waiting
   * for it: register {@link #close()} for clean-up first, then call {@link #awaitReady()}, so that
   * a signal while it starts still stops it.
   *
   * @return the starting backend
   * @throws IOException when the program is missing or can't be started
   */
  public static LocalBackend launch() throws IOException {
    String program = findProgram();
    Path folder =
        Files.createTempDirectory(
            "cognito-emulator-",
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    List<String> command = new ArrayList<>();
    String setsid = onPath("setsid");
    if (setsid != null) { // its own session: Ctrl-C in the terminal stops us, not the backend
      command.add(setsid);
    }
    command.addAll(
        List.of(program, "--port", "0", "--outbox", folder.resolve("outbox").toString()));
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .redirectError(folder.resolve("emulator.log").toFile())
            .redirectInput(ProcessBuilder.Redirect.PIPE);
    try {
      return new LocalBackend(null, builder.start(), folder);
    } catch (IOException e) {
      removeTree(folder);
      throw new IOException("cannot start " + program + ": " + e.getMessage(), e);
    }
  }

  /**
   * Waits for the ready line of a backend {@link #launch()}ed.
   *
   * @return this backend, now serving
   * @throws IOException when it exits or isn't ready within 60 s
   */
  public synchronized LocalBackend awaitReady() throws IOException {
    if (url == null) {
      url = awaitReady(process, folder.resolve("emulator.log"));
    }
    return this;
  }

  private static String findProgram() throws IOException {
    String named = System.getenv(PROGRAM_VARIABLE);
    if (named != null && !named.isBlank()) {
      return named;
    }
    String found = onPath("cognito-emulator");
    if (found != null) {
      return found;
    }
    throw new IOException(
        "cognito-emulator is not on PATH: run from the project's Python environment (nox -s"
            + " java), or set "
            + PROGRAM_VARIABLE
            + " to the program");
  }

  private static String onPath(String name) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, name))) {
        return Path.of(dir, name).toString();
      }
    }
    return null;
  }

  private static URI awaitReady(Process process, Path log) throws IOException {
    InputStream stdout = process.getInputStream();
    BufferedReader reader =
        new BufferedReader(new InputStreamReader(stdout, StandardCharsets.UTF_8));
    CompletableFuture<String> firstLine =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return reader.readLine();
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            });
    String line;
    try {
      line = firstLine.get(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      throw new IOException("cognito-emulator was not ready within " + START_TIMEOUT, e);
    } catch (ExecutionException e) {
      throw new IOException("cannot read cognito-emulator's output", e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while cognito-emulator started", e);
    }
    Matcher ready = line == null ? null : READY.matcher(line.strip());
    if (ready == null || !ready.matches()) {
      throw new IOException(
          "cognito-emulator didn't start: " + (line == null ? lastLine(log) : line));
    }
    Thread drain = // it prints nothing more, but a full pipe would block it
        new Thread(
            () -> {
              try {
                stdout.transferTo(OutputStream.nullOutputStream());
              } catch (IOException e) {
                // the process ended
              }
            },
            "cognito-emulator-stdout");
    drain.setDaemon(true);
    drain.start();
    return URI.create(ready.group(1));
  }

  private static String lastLine(Path log) {
    try (Stream<String> lines = Files.lines(log)) {
      return lines.filter(l -> !l.isBlank()).reduce((a, b) -> b).orElse("no output");
    } catch (IOException e) {
      return "no output";
    }
  }

  /**
   * The URL the SDK's endpoint points at.
   *
   * @return the URL
   */
  public synchronized URI url() {
    return url;
  }

  /**
   * The newest code the backend "e-mailed" to a user, from {@code GET /_emulator/messages}.
   *
   * @param username the user name
   * @param userPoolId the user's pool
   * @return the code, or null when none was sent
   * @throws IOException when the backend doesn't answer
   */
  public String latestCode(String username, String userPoolId) throws IOException {
    JsonArray messages =
        get("/_emulator/messages?username="
                + encode(username)
                + "&user_pool_id="
                + encode(userPoolId))
            .getAsJsonArray("messages");
    if (messages == null || messages.isEmpty()) {
      return null;
    }
    JsonElement code = messages.get(messages.size() - 1).getAsJsonObject().get("code");
    return code == null || code.isJsonNull() ? null : code.getAsString();
  }

  /**
   * The time the backend uses, from {@code GET /_emulator/clock}.
   *
   * @return epoch seconds
   * @throws IOException when the backend doesn't answer
   */
  public double now() throws IOException {
    return get("/_emulator/clock").get("now").getAsDouble();
  }

  /**
   * Moves the backend's clock ({@code POST /_emulator/clock}) to {@code seconds} ahead of real
   * time: codes, sessions and tokens expire as if that much time had passed.
   *
   * @param seconds the offset from real time, 0 to go back to it
   * @throws IOException when the backend doesn't answer
   */
  public void setClockOffset(double seconds) throws IOException {
    post("/_emulator/clock", "{\"offset\": " + seconds + "}");
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private JsonObject get(String path) throws IOException {
    return send(HttpRequest.newBuilder(url.resolve(path)).GET());
  }

  private JsonObject post(String path, String json) throws IOException {
    return send(
        HttpRequest.newBuilder(url.resolve(path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  private JsonObject send(HttpRequest.Builder request) throws IOException {
    HttpResponse<String> response;
    try {
      response =
          http.send(
              request.timeout(Duration.ofSeconds(10)).build(),
              HttpResponse.BodyHandlers.ofString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
    if (response.statusCode() != 200) {
      throw new IOException(
          "the local backend answered " + response.statusCode() + ": " + response.body());
    }
    return JsonParser.parseString(response.body()).getAsJsonObject();
  }

  /** Stops the backend this object started (SIGTERM) and removes its folder. */
  @Override
  public void close() {
    if (process == null) {
      return;
    }
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
    removeTree(folder);
  }

  private static void removeTree(Path root) {
    try (Stream<Path> paths = Files.walk(root)) {
      paths.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
    } catch (IOException e) {
      // already gone
    }
  }
}
