package io.rectify.bench;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A province's staff at once, over HTTP against the running node: virtual users of offices,
 * departments and supervision bodies, half of them through the web pages with a signed-in
 * session (the login page's form, its CSRF token, the session cookie), half through the API
 * with HTTP Basic. Each acts as a person does, one request, then a pause of 1–5 s (uniform,
 * seeded), and so on: reads its inbox and the case list, opens a case page, fills in and submits
 * a task form, and an office opens cases through the API. Submissions complete tasks for real,
 * so inboxes keep changing as in a working day.
 *
 * <p>Users are driven by callbacks, not a thread each (Java 17, no virtual threads): one shared
 * {@link HttpClient} on a small pool, a scheduler for the pauses. Every request's time, from
 * sending to the whole body read, is recorded under its kind ({@code page_home}, {@code
 * api_case_list} …) in the measuring window it started in; sign-ins happen before the window
 * (a sign-in checks the password's deliberately slow hash) and are reported on their own.
 *
 * <p>An error is an exception (a timeout included), a status of 400 or more, a page that sends
 * a signed-in user back to the login page, or a refused sign-in. One outcome is not an error: a
 * task endpoint answering 404 or 409 because a colleague of the same body completed the task
 * first (two people of one body see the same inbox). Those are counted as conflicts, with the
 * task's id, so that the caller can check that each of those tasks was indeed completed.
 */
final class MixedLoad implements AutoCloseable {

    static {
        // shorter than Tomcat's keep-alive (20 s), so that no request goes out on a connection the
        // server has just closed: a POST on such a connection fails and is not retried
        System.setProperty("jdk.httpclient.keepalive.timeout", "15");
    }

    enum Group { OFFICE, DEPARTMENT, SUPERVISION }

    enum Door { PAGES, API }

    /** A signed-up person: an office user also knows the bodies it may open cases against. */
    record Account(String username, String password, Group group, Door door, List<String> respondents) {
    }

    /** The figures of one measuring window. */
    record Result(int users, double seconds, long requests, double requestsPerSecond, double p50, double p95,
                  double p99, long errors, long conflicts, long submissions, Map<String, Kind> kinds,
                  List<String> errorSamples) {

        /** The kind with the highest p95 among those with at least 1% of the requests (a p95 of three requests says little). */
        Map.Entry<String, Kind> slowest() {
            return kinds.entrySet().stream().filter(e -> e.getValue().requests() * 100 >= requests)
                    .max(Comparator.comparingDouble(e -> e.getValue().p95())).orElseThrow();
        }
    }

    record Kind(long requests, double p50, double p95, double p99) {
    }

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");
    private static final Pattern CASE_LINK = Pattern.compile("href=\"/cases/([A-Za-z0-9-]{8,})\"");
    private static final Pattern TASK_LINK = Pattern.compile("href=\"/tasks/([A-Za-z0-9-]{8,})\"");
    private static final Pattern FIELD = Pattern.compile("<(?:input|textarea|select)[^>]*\\sname=\"([A-Za-z_][A-Za-z0-9_]*)\"");
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final String[] CATEGORIES = {"A33-09", "A33-10", "A33-03"};
    private static final String[] PAGE_FILTERS = {"", "?status=ORDERED", "?status=RESPONDED", "?overdue=true",
            "?escalated=true", "?categoryCode=A33-03", "?page=1"};
    private static final String[] API_FILTERS = {"", "?status=ORDERED", "?status=RESPONDED", "?overdue=true",
            "?escalated=true", "?categoryCode=A33-03", "?status=DETECTED"};

    private final URI base;
    private final long seed;
    private final ObjectMapper json = new ObjectMapper();
    private final ExecutorService pool = Executors.newFixedThreadPool(4, daemon("mixed-load-http"));
    private final ScheduledExecutorService pauses = Executors.newScheduledThreadPool(2, daemon("mixed-load-pause"));
    private final HttpClient http;
    private final List<User> users = new ArrayList<>();
    private final Queue<Double> signIns = new ConcurrentLinkedQueue<>();
    private final AtomicInteger failedSignIns = new AtomicInteger();
    private final Set<String> conflictTasks = ConcurrentHashMap.newKeySet();
    private volatile Window window;

    MixedLoad(int port, long seed) {
        this.base = URI.create("http://127.0.0.1:" + port);
        this.seed = seed;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(pool)
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
    }

    private static ThreadFactory daemon(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    int users() {
        return users.size();
    }

    /**
     * Adds these people, their sign-ins spread over {@code ramp}, and waits until every one of them
     * has signed in (or the wait has lasted five minutes): their first request checks the password's
     * slow hash, which is not the steady state measured afterwards.
     */
    void add(List<Account> accounts, Duration ramp) throws InterruptedException {
        List<User> added = new ArrayList<>();
        for (Account account : accounts) {
            User user = new User(account, new Random(seed + users.size()));
            users.add(user);
            added.add(user);
            long delay = ramp.toMillis() * added.size() / accounts.size();
            pauses.schedule(() -> safely(user, user::signIn), delay, TimeUnit.MILLISECONDS);
        }
        long until = System.nanoTime() + ramp.toNanos() + TimeUnit.MINUTES.toNanos(5);
        while (added.stream().anyMatch(u -> !u.signedIn) && System.nanoTime() < until) {
            Thread.sleep(200);
        }
    }

    /** Measures every request that starts in the next {@code length}, waiting for the last of them to end. */
    Result measure(Duration length) throws InterruptedException {
        Window w = new Window();
        window = w;
        Thread.sleep(length.toMillis());
        window = null;
        double seconds = (System.nanoTime() - w.started) / 1e9;
        long until = System.nanoTime() + TIMEOUT.toNanos() + TimeUnit.SECONDS.toNanos(5);
        while (w.inFlight.get() > 0 && System.nanoTime() < until) {
            Thread.sleep(50);
        }
        // a person who sent nothing for longer than a pause and a timeout has dropped out of the
        // run (a fault of this generator, or of the node): counted as an error, not left unseen
        long quiet = System.nanoTime() - TIMEOUT.toNanos() - TimeUnit.SECONDS.toNanos(10);
        long stalled = users.stream().filter(u -> u.lastSent < quiet).count();
        if (stalled > 0) {
            w.error(stalled + " people sent nothing for 40 s");
        }
        return w.result(users.size(), seconds);
    }

    /** Sign-in times (GET and POST of the login page, or the first Basic request) so far, p95 ms. */
    double signInP95() {
        return percentile(new ArrayList<>(signIns), 0.95);
    }

    int failedSignIns() {
        return failedSignIns.get();
    }

    /** The tasks a task endpoint answered 404 or 409 for, to be checked as completed by someone. */
    Set<String> conflictTasks() {
        return Set.copyOf(conflictTasks);
    }

    /** Stops every user after its current request; the requests in flight end on their own. */
    void stop() {
        users.forEach(u -> u.stopped = true);
    }

    /** Stops the people added last, as {@link #stop()} does, until n are left. */
    void shrinkTo(int n) {
        while (users.size() > n) {
            users.remove(users.size() - 1).stopped = true;
        }
    }

    @Override
    public void close() {
        stop();
        users.clear();
        pauses.shutdownNow();
        pool.shutdownNow();
    }

    // ---- one person -------------------------------------------------------------------------

    /**
     * One person's state; touched by one request's callback at a time (each request is sent by
     * the callback of the one before or by the pause before it), so it needs no lock.
     */
    private final class User {
        final Account account;
        final Random random;
        final String basic;
        volatile boolean signedIn;
        volatile boolean stopped;
        volatile long lastSent = System.nanoTime();
        String session;
        /** cases seen in a list, the inbox or a page, the most recent first */
        final List<String> cases = new ArrayList<>();
        /** the inbox as last seen: task ids, most urgent first */
        List<String> tasks = List.of();
        /** a task form read and to be submitted next, as a person fills in what they just opened */
        Form form;

        User(Account account, Random random) {
            this.account = account;
            this.random = random;
            this.basic = "Basic " + Base64.getEncoder().encodeToString(
                    (account.username() + ":" + account.password()).getBytes(StandardCharsets.UTF_8));
        }

        void signIn() {
            long started = System.nanoTime();
            if (account.door() == Door.API) {
                send(this, null, api("/api/tasks").GET(), false, response -> {
                    if (response.statusCode() == 200) {
                        inbox(response.body());
                    }
                    signedIn(started, response.statusCode() == 200);
                });
                return;
            }
            send(this, null, page("/login").GET(), false, login -> {
                String csrf = first(CSRF, login.body());
                String form = "username=" + encode(account.username()) + "&password=" + encode(account.password())
                        + "&_csrf=" + encode(csrf);
                send(this, null, page("/login").header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form)), false, signedIn -> {
                    String location = signedIn.headers().firstValue("Location").orElse("");
                    signedIn(started, signedIn.statusCode() == 302 && !location.contains("error"));
                });
            });
        }

        private void signedIn(long started, boolean ok) {
            if (!ok) {
                failedSignIns.incrementAndGet();
                pause(); // and try again, as a person would
                return;
            }
            signIns.add((System.nanoTime() - started) / 1e6);
            signedIn = true;
            pause();
        }

        /** The next action: the form read last if there is one, else one drawn by this person's group. */
        void act() {
            if (!signedIn) {
                signIn();
                return;
            }
            if (form != null) {
                Form f = form;
                form = null;
                submit(f);
                return;
            }
            int r = random.nextInt(100);
            boolean pages = account.door() == Door.PAGES;
            switch (account.group()) {
                case OFFICE -> {
                    if (pages) {
                        pick(r, 30, this::home, 25, this::caseList, 25, this::casePage, this::taskForm);
                    } else if (r < 10) {
                        openCase();
                    } else {
                        pick(r - 10, 25, this::home, 25, this::caseList, 20, this::casePage, this::taskForm);
                    }
                }
                // a tenth: a department answers fewer orders than it reads
                case DEPARTMENT -> pick(r, 35, this::home, 30, this::casePage, 25, this::caseList, this::taskForm);
                case SUPERVISION -> {
                    if (pages) {
                        pick(r, 45, () -> get("page_review_list", page("/reviews"), this::seen), 35, this::casePage,
                                10, this::supervisedList, this::home);
                    } else {
                        pick(r, 50, this::supervisedList, 40, this::casePage, 0, this::home, this::home);
                    }
                }
            }
        }

        private void pick(int r, int a, Runnable first, int b, Runnable second, int c, Runnable third, Runnable rest) {
            if (r < a) {
                first.run();
            } else if (r < a + b) {
                second.run();
            } else if (r < a + b + c) {
                third.run();
            } else {
                rest.run();
            }
        }

        void home() {
            if (account.door() == Door.PAGES) {
                get("page_home", page("/"), body -> {
                    tasks = all(TASK_LINK, body);
                    seen(body);
                });
            } else {
                get("api_inbox", api("/api/tasks"), body -> {
                    inbox(body);
                    pause();
                });
            }
        }

        void caseList() {
            if (account.door() == Door.PAGES) {
                get("page_case_list", page("/cases" + PAGE_FILTERS[random.nextInt(PAGE_FILTERS.length)]), this::seen);
            } else {
                get("api_case_list", api("/api/cases" + API_FILTERS[random.nextInt(API_FILTERS.length)]), this::listed);
            }
        }

        void supervisedList() {
            if (account.door() == Door.PAGES) {
                get("page_case_list", page("/cases?escalated=true"), this::seen);
            } else {
                get("api_case_list", api("/api/cases?escalated=true"), this::listed);
            }
        }

        void casePage() {
            if (cases.isEmpty()) {
                caseList();
                return;
            }
            String id = cases.get(random.nextInt(Math.min(cases.size(), 20)));
            if (account.door() == Door.PAGES) {
                get("page_case", page("/cases/" + id), this::seen);
            } else {
                get("api_case", api("/api/cases/" + id), body -> pause());
            }
        }

        void openCase() {
            String category = CATEGORIES[random.nextInt(CATEGORIES.length)];
            Map<String, Object> request = new LinkedHashMap<>();
            request.put("categoryCode", category);
            request.put("respondentOrgCode", account.respondents().get(random.nextInt(account.respondents().size())));
            request.put("title", "混合负载案件 " + account.username() + " " + random.nextInt(1_000_000));
            request.put("description", "网站栏目长期未更新");
            request.put("source", "INSPECTION");
            send(this, "api_open_case", api("/api/cases").header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(write(request))), false, response -> {
                if (response.statusCode() == 201) {
                    cases.add(0, json(response.body()).path("id").asText());
                }
                pause();
            });
        }

        /**
         * A task of the inbox, one of the twenty most urgent as a person picks: its form, read to be
         * submitted next. A dozen people of one office share an inbox, so now and then two pick the same.
         */
        void taskForm() {
            if (tasks.isEmpty()) {
                home();
                return;
            }
            String id = tasks.get(random.nextInt(Math.min(tasks.size(), 20)));
            tasks = new ArrayList<>(tasks);
            tasks.remove(id);
            if (account.door() == Door.PAGES) {
                send(this, "page_task_form", page("/tasks/" + id).GET(), true, response -> {
                    if (response.statusCode() == 200) {
                        String body = response.body();
                        form = new Form(id, first(CSRF, body), all(FIELD, body), body.contains("multipart/form-data"));
                    }
                    pause();
                });
            } else {
                send(this, "api_task", api("/api/tasks/" + id).GET(), true, response -> {
                    if (response.statusCode() == 200) {
                        JsonNode task = json(response.body());
                        List<String> fields = new ArrayList<>();
                        task.path("form").path("components").forEach(c -> fields.add(c.path("key").asText()));
                        form = new Form(id, null, fields, false);
                    }
                    pause();
                });
            }
        }

        /** The form filled in as its fields ask; a form this person does not know (none in this mix) is left. */
        void submit(Form f) {
            Map<String, String> values = f.values(random);
            if (values == null) {
                home();
                return;
            }
            if (account.door() == Door.API) {
                send(this, "api_task_complete", api("/api/tasks/" + f.taskId() + "/complete")
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(write(values))), true, response -> {
                    if (response.statusCode() == 200) {
                        submitted();
                        cases.add(0, json(response.body()).path("id").asText());
                    }
                    pause();
                });
                return;
            }
            values.put("_csrf", f.csrf());
            HttpRequest.Builder post = page("/tasks/" + f.taskId());
            if (f.multipart()) {
                String boundary = "----rectify-bench-" + random.nextInt(1_000_000);
                post.header("Content-Type", "multipart/form-data; boundary=" + boundary)
                        .POST(HttpRequest.BodyPublishers.ofString(multipart(boundary, values)));
            } else {
                post.header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(urlEncoded(values)));
            }
            send(this, "page_task_submit", post, true, response -> {
                String location = response.headers().firstValue("Location").orElse("");
                if (response.statusCode() == 302 && location.contains("/cases/")) {
                    submitted();
                    // the browser follows the redirect to the case page at once
                    get("page_case", page(URI.create(location).getPath()), this::seen);
                } else {
                    pause();
                }
            });
        }

        /** The inbox of the API, remembered as a person reads it (the caller pauses). */
        void inbox(String body) {
            List<String> ids = new ArrayList<>();
            JsonNode inbox = json(body);
            inbox.forEach(t -> ids.add(t.path("id").asText()));
            tasks = ids;
            inbox.forEach(t -> remember(t.path("caseId").asText()));
        }

        void listed(String body) {
            json(body).path("items").forEach(c -> remember(c.path("id").asText()));
            pause();
        }

        void seen(String body) {
            all(CASE_LINK, body).forEach(this::remember);
            pause();
        }

        private void remember(String caseId) {
            if (caseId.isEmpty() || cases.contains(caseId)) {
                return;
            }
            cases.add(0, caseId);
            if (cases.size() > 50) {
                cases.remove(cases.size() - 1);
            }
        }

        private void get(String kind, HttpRequest.Builder request, Consumer<String> then) {
            send(this, kind, request.GET(), false, response -> {
                if (response.statusCode() == 200) {
                    then.accept(response.body());
                    return;
                }
                if (response.headers().firstValue("Location").orElse("").contains("/login")) {
                    signedIn = false; // the session is gone: this person signs in again (an error, counted)
                }
                pause();
            });
        }

        /** A person's pause between two actions: 1–5 s, uniformly drawn. */
        void pause() {
            if (!stopped) {
                pauses.schedule(() -> safely(this, this::act), 1000 + random.nextInt(4001), TimeUnit.MILLISECONDS);
            }
        }

        HttpRequest.Builder page(String path) {
            HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).timeout(TIMEOUT)
                    .header("Accept", "text/html").header("Accept-Language", "zh-CN");
            return session == null ? b : b.header("Cookie", "SESSION=" + session);
        }

        HttpRequest.Builder api(String path) {
            return HttpRequest.newBuilder(base.resolve(path)).timeout(TIMEOUT)
                    .header("Accept", "application/json").header("Authorization", basic);
        }

        private void submitted() {
            Window w = window;
            if (w != null) {
                w.submissions.incrementAndGet();
            }
        }
    }

    /** A task form as read: its fields and, on a page, the CSRF token to send back. */
    private record Form(String taskId, String csrf, List<String> fields, boolean multipart) {

        /** The values a person gives this form; null for a form of a task nobody in this mix does. */
        Map<String, String> values(Random random) {
            Map<String, String> values = new LinkedHashMap<>();
            if (fields.contains("requirements")) {
                values.put("requirements", "请于期限内完成网站栏目更新并报送整改情况。");
            } else if (fields.contains("accepted")) {
                // one report in ten is sent back, as offices do: the department responds again
                boolean accepted = random.nextInt(10) > 0;
                values.put("accepted", String.valueOf(accepted));
                if (!accepted) {
                    values.put("comment", "整改不到位，请补充说明。");
                }
            } else if (fields.contains("report")) {
                values.put("report", "已完成整改，栏目已更新。");
                if (fields.contains("publishedUrls")) {
                    values.put("publishedUrls", "https://www.example.gov.cn/gk/" + random.nextInt(1000));
                }
            } else {
                return null;
            }
            return values;
        }
    }

    // ---- sending and recording --------------------------------------------------------------

    /**
     * Sends one request of this kind (null: a sign-in, not measured) and hands the response to
     * {@code then}, which sends the next request or pauses. {@code taskEndpoint}: a 404 or 409 is a
     * colleague having completed the task first, a conflict, not an error.
     */
    private void send(User user, String kind, HttpRequest.Builder request, boolean taskEndpoint,
                      Consumer<HttpResponse<String>> then) {
        if (user.stopped) {
            return;
        }
        Window w = kind == null ? null : window;
        if (w != null) {
            w.inFlight.incrementAndGet();
        }
        HttpRequest sent = request.build();
        long started = System.nanoTime();
        user.lastSent = started;
        http.sendAsync(sent, HttpResponse.BodyHandlers.ofString()).whenComplete((response, failure) -> {
            double ms = (System.nanoTime() - started) / 1e6;
            try {
                if (w != null) {
                    w.record(kind, ms, outcome(user, sent, response, failure, taskEndpoint), sent, response, failure);
                }
                if (failure != null || (kind == null && response.statusCode() >= 400)) {
                    if (kind == null) {
                        failedSignIns.incrementAndGet();
                    }
                    user.pause();
                    return;
                }
                keepSession(user, response);
                then.accept(response);
            } catch (RuntimeException e) {
                if (w != null) {
                    w.error(sent.method() + " " + sent.uri().getPath() + ": " + e);
                }
                user.pause();
            } finally {
                if (w != null) {
                    w.inFlight.decrementAndGet();
                }
            }
        });
    }

    private enum Outcome { OK, CONFLICT, ERROR }

    private Outcome outcome(User user, HttpRequest sent, HttpResponse<String> response, Throwable failure,
                            boolean taskEndpoint) {
        if (failure != null) {
            return Outcome.ERROR;
        }
        int status = response.statusCode();
        if (taskEndpoint && (status == 404 || status == 409)) {
            conflictTasks.add(taskId(sent.uri().getPath()));
            return Outcome.CONFLICT;
        }
        if (status >= 400) {
            return Outcome.ERROR;
        }
        // a page that sends a signed-in person back to the login page lost their session
        return status == 302 && response.headers().firstValue("Location").orElse("").contains("/login")
                ? Outcome.ERROR : Outcome.OK;
    }

    private static String taskId(String path) {
        String rest = path.substring(path.indexOf("/tasks/") + "/tasks/".length());
        int slash = rest.indexOf('/');
        return slash < 0 ? rest : rest.substring(0, slash);
    }

    private static void keepSession(User user, HttpResponse<String> response) {
        for (String cookie : response.headers().allValues("Set-Cookie")) {
            if (cookie.startsWith("SESSION=")) {
                int end = cookie.indexOf(';');
                user.session = cookie.substring("SESSION=".length(), end < 0 ? cookie.length() : end);
            }
        }
    }

    private void safely(User user, Runnable action) {
        try {
            action.run();
        } catch (RuntimeException e) {
            Window w = window;
            if (w != null) {
                w.error(user.account.username() + ": " + e);
            }
            user.pause();
        }
    }

    /** The requests that started between its opening and the next one's, by kind. */
    private static final class Window {
        final long started = System.nanoTime();
        final Map<String, Queue<Double>> byKind = new ConcurrentHashMap<>();
        final AtomicInteger inFlight = new AtomicInteger();
        final AtomicInteger errors = new AtomicInteger();
        final AtomicInteger conflicts = new AtomicInteger();
        final AtomicInteger submissions = new AtomicInteger();
        final Queue<String> errorSamples = new ConcurrentLinkedQueue<>();

        void record(String kind, double ms, Outcome outcome, HttpRequest sent, HttpResponse<String> response,
                    Throwable failure) {
            byKind.computeIfAbsent(kind, k -> new ConcurrentLinkedQueue<>()).add(ms);
            if (outcome == Outcome.CONFLICT) {
                conflicts.incrementAndGet();
            } else if (outcome == Outcome.ERROR) {
                error(sent.method() + " " + sent.uri().getPath() + ": "
                        + (failure != null ? failure : response.statusCode() + " " + response.headers()
                        .firstValue("Location").orElse("")));
            }
        }

        void error(String what) {
            if (errors.incrementAndGet() <= 20) {
                errorSamples.add(what);
            }
        }

        Result result(int users, double seconds) {
            Map<String, Kind> kinds = new LinkedHashMap<>();
            List<Double> all = new ArrayList<>();
            byKind.keySet().stream().sorted().forEach(kind -> {
                List<Double> ms = new ArrayList<>(byKind.get(kind));
                all.addAll(ms);
                kinds.put(kind, new Kind(ms.size(), percentile(ms, 0.50), percentile(ms, 0.95), percentile(ms, 0.99)));
            });
            return new Result(users, seconds, all.size(), all.size() / seconds, percentile(all, 0.50),
                    percentile(all, 0.95), percentile(all, 0.99), errors.get(), conflicts.get(), submissions.get(), kinds,
                    List.copyOf(errorSamples));
        }
    }

    /** The q-quantile by the nearest-rank method over the sorted samples; 0 for none. */
    static double percentile(List<Double> ms, double q) {
        if (ms.isEmpty()) {
            return 0;
        }
        double[] sorted = ms.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return sorted[Math.min(sorted.length - 1, Math.max(0, (int) Math.ceil(q * sorted.length) - 1))];
    }

    // ---- small helpers ----------------------------------------------------------------------

    private JsonNode json(String body) {
        try {
            return json.readTree(body);
        } catch (Exception e) {
            throw new IllegalStateException("not JSON: " + body.substring(0, Math.min(200, body.length())), e);
        }
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String first(Pattern pattern, String body) {
        Matcher m = pattern.matcher(body);
        if (!m.find()) {
            throw new IllegalStateException("no " + pattern.pattern() + " in the page");
        }
        return m.group(1);
    }

    private static List<String> all(Pattern pattern, String body) {
        List<String> found = new ArrayList<>();
        Matcher m = pattern.matcher(body);
        while (m.find()) {
            if (!found.contains(m.group(1))) {
                found.add(m.group(1));
            }
        }
        return found;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String urlEncoded(Map<String, String> values) {
        StringBuilder body = new StringBuilder();
        values.forEach((k, v) -> body.append(body.isEmpty() ? "" : "&").append(encode(k)).append('=').append(encode(v)));
        return body.toString();
    }

    /** As a browser sends a form with a file input left empty. */
    private static String multipart(String boundary, Map<String, String> values) {
        StringBuilder body = new StringBuilder();
        values.forEach((k, v) -> body.append("--").append(boundary).append("\r\n")
                .append("Content-Disposition: form-data; name=\"").append(k).append("\"\r\n\r\n").append(v).append("\r\n"));
        body.append("--").append(boundary).append("\r\n")
                .append("Content-Disposition: form-data; name=\"evidence\"; filename=\"\"\r\n")
                .append("Content-Type: application/octet-stream\r\n\r\n\r\n");
        body.append("--").append(boundary).append("--\r\n");
        return body.toString();
    }
}
