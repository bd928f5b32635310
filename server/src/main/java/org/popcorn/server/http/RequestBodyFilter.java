package org.popcorn.server.http;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.DispatcherType;
import jakarta.enterprise.context.control.RequestContextController;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Reads every API request body before JAX-RS sees it, so that no client can tie up the server with its body:
 * <ul>
 * <li>a body over {@code popcorn.http.max-body-bytes} (default 1 MiB) is refused with 413 — at once when the
 * {@code Content-Length} says so, otherwise as soon as that many bytes have arrived;</li>
 * <li>the body is read with non-blocking I/O: while it trickles in, no worker thread waits for it, so a thousand slow
 * uploads cannot starve the requests that are ready;</li>
 * <li>a body that has not fully arrived {@code popcorn.http.body-timeout-seconds} (default 15) after the headers
 * is refused with 408;</li>
 * <li>one client address may have at most {@code popcorn.http.max-pending-bodies-per-address} (default 32)
 * bodies in flight; more answer 429.</li>
 * </ul>
 * Once the whole body is in memory the request is dispatched on to the API with that body.
 */
@WebFilter(filterName = "request-body", urlPatterns = "/api/*", asyncSupported = true,
        dispatcherTypes = {DispatcherType.REQUEST, DispatcherType.ASYNC})
public class RequestBodyFilter implements Filter {

    private static final Logger LOG = Logger.getLogger(RequestBodyFilter.class.getName());
    private static final String READ = RequestBodyFilter.class.getName() + ".read";
    private static final String PHASE = RequestBodyFilter.class.getName() + ".phase";
    private static final int READING = 0;
    private static final int DISPATCHED = 1;
    private static final int ARRIVED = 2;
    private static final int LOST = 3;
    /** How long a dispatched request may take to come back before it is answered 503 (see {@link #dispatch}). */
    private static final long DISPATCH_WATCHDOG_MILLIS = 5_000;

    private long maxBytes;
    private long timeoutMillis;
    private int maxPendingPerAddress;
    private boolean trustForwardedFor;
    @Inject
    Instance<RequestContextController> requestContexts;

    private volatile boolean warnedBlocking;
    private final ConcurrentHashMap<String, AtomicInteger> pending = new ConcurrentHashMap<>();

    @Override
    public void init(FilterConfig filterConfig) {
        Config config = ConfigProvider.getConfig();
        maxBytes = config.getOptionalValue("popcorn.http.max-body-bytes", Long.class).orElse(1_048_576L);
        timeoutMillis = 1000L * config.getOptionalValue("popcorn.http.body-timeout-seconds", Long.class).orElse(15L);
        maxPendingPerAddress = config.getOptionalValue("popcorn.http.max-pending-bodies-per-address", Integer.class).orElse(32);
        trustForwardedFor = config.getOptionalValue("popcorn.http.trust-forwarded-for", Boolean.class).orElse(false);
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest req = (HttpServletRequest) request;
        if (req.getDispatcherType() == DispatcherType.ASYNC) {
            if (req.getAttribute(READ) != null) {
                Object phase = req.getAttribute(PHASE);
                if (phase instanceof AtomicInteger p && !p.compareAndSet(DISPATCHED, ARRIVED)) {
                    return; // the watchdog already answered 503: the API must not run it now
                }
                dispatchWithBody(request, response, chain);
            } else {
                chain.doFilter(request, response);
            }
            return;
        }
        HttpServletResponse res = ReasonPhrase.wrap((HttpServletResponse) response);
        if (req.getAttribute(READ) != null || !hasBody(req)) {
            chain.doFilter(request, res);
            return;
        }
        req.setAttribute(READ, Boolean.TRUE);
        long declared = req.getContentLengthLong();
        if (declared > maxBytes) {
            tooLarge(res);
            return;
        }
        if (!req.isAsyncSupported()) {
            // Some filter or servlet on the way does not allow async work: read the body here, still within the limit.
            if (!warnedBlocking) {
                warnedBlocking = true;
                LOG.warning(() -> "event=http.body-blocking path=" + req.getRequestURI()
                        + " reason=not-async-supported (slow bodies hold a worker thread on this path)");
            }
            HttpServletRequest read = readBlocking(req, res);
            if (read != null) {
                chain.doFilter(read, res);
            }
            return;
        }
        String address = ClientAddress.of(req, trustForwardedFor);
        AtomicInteger inFlight = pending.computeIfAbsent(address, a -> new AtomicInteger());
        if (inFlight.incrementAndGet() > maxPendingPerAddress) {
            release(address, inFlight);
            res.setHeader("Retry-After", "5");
            res.setHeader("Connection", "close");
            ProblemWriter.write(res, 429, "request.too-many-uploads", "Too many requests",
                    "This address is already sending " + maxPendingPerAddress + " request bodies. Wait for them to finish.", null);
            return;
        }
        BufferedRequest buffered = new BufferedRequest(req);
        AsyncContext async = req.startAsync(buffered, res);
        // No container timeout: it would also run over the API's own work once the body is in. The body timeout is ours.
        async.setTimeout(0);
        AtomicBoolean done = new AtomicBoolean();
        AtomicInteger phase = new AtomicInteger(READING);
        req.setAttribute(PHASE, phase);
        Thread requestThread = Thread.currentThread();
        AtomicBoolean returned = new AtomicBoolean();
        Runnable releaseOnce = () -> {
            if (buffered.released.compareAndSet(false, true)) {
                release(address, inFlight);
            }
        };
        ScheduledFuture<?> deadline = timer().schedule(() -> {
            if (done.compareAndSet(false, true)) {
                LOG.fine(() -> "event=http.body-timeout address=" + address);
                try {
                    res.setHeader("Connection", "close");
                    ProblemWriter.write(res, 408, "request.body-timeout", "Request Timeout",
                            "The request body did not arrive within " + timeoutMillis / 1000 + " seconds.", null);
                } catch (IOException | RuntimeException gone) {
                    // the client is gone
                }
                releaseOnce.run();
                completeQuietly(async);
            }
        }, timeoutMillis, TimeUnit.MILLISECONDS);
        async.addListener(new AsyncListener() {
            @Override
            public void onComplete(AsyncEvent event) {
                deadline.cancel(false);
                releaseOnce.run();
            }

            @Override
            public void onTimeout(AsyncEvent event) {
            }

            @Override
            public void onError(AsyncEvent event) {
                deadline.cancel(false);
                if (done.compareAndSet(false, true)) {
                    releaseOnce.run();
                    completeQuietly(async);
                }
            }

            @Override
            public void onStartAsync(AsyncEvent event) {
            }
        });
        ServletInputStream in = req.getInputStream();
        in.setReadListener(new ReadListener() {
            private final ByteArrayOutputStream body = new ByteArrayOutputStream(declared > 0 ? (int) declared : 1024);
            private final byte[] chunk = new byte[8192];

            @Override
            public void onDataAvailable() throws IOException {
                while (!done.get() && in.isReady()) {
                    int n = in.read(chunk);
                    if (n < 0) {
                        break;
                    }
                    body.write(chunk, 0, n);
                    if (body.size() > maxBytes) {
                        if (done.compareAndSet(false, true)) {
                            deadline.cancel(false);
                            tooLarge(res);
                            async.complete();
                        }
                        return;
                    }
                    if (declared >= 0 && body.size() >= declared) {
                        break; // all the Content-Length promised is here: do not wait for the container to say so
                    }
                }
                if ((declared >= 0 && body.size() >= declared) || in.isFinished()) {
                    onAllDataRead();
                }
            }

            @Override
            public void onAllDataRead() {
                if (done.compareAndSet(false, true)) {
                    deadline.cancel(false);
                    buffered.body = body.toByteArray();
                    releaseOnce.run();
                    dispatch(async, res, phase, requestThread, returned, address);
                }
            }

            @Override
            public void onError(Throwable t) {
                if (done.compareAndSet(false, true)) {
                    deadline.cancel(false);
                    LOG.fine(() -> "event=http.body-error address=" + address + " error=" + t);
                    try {
                        res.setHeader("Connection", "close");
                        ProblemWriter.write(res, 400, "request.body-incomplete", "Bad Request",
                                "The request body could not be read to its end.", null);
                    } catch (IOException | RuntimeException ignored) {
                        // the client is gone
                    }
                    releaseOnce.run();
                    completeQuietly(async);
                }
            }
        });
        returned.set(true);
    }

    /**
     * Hands the request with its body back to the container ({@code AsyncContext.dispatch}). Payara 6 loses a
     * dispatch made on another thread while the request's own thread is still leaving the container (its
     * {@code AsyncContextImpl} keeps the pending dispatch in a plain field that the leaving thread may read before it is
     * set): the request then gets no answer at all. It happened to the first POST of a fresh server when the body
     * came in a second TCP read (ScaleOutIT). So a dispatch from another thread waits until the request thread has
     * left this filter, plus a few milliseconds; and a watchdog answers 503 (nothing was changed: the API never ran)
     * should a dispatched request still not come back, instead of leaving the client waiting forever.
     */
    private void dispatch(AsyncContext async, HttpServletResponse res, AtomicInteger phase, Thread requestThread,
                          AtomicBoolean returned, String address) {
        if (Thread.currentThread() == requestThread && !returned.get()) {
            dispatchNow(async, res, phase, address); // still inside doFilter: the container dispatches when it leaves
        } else {
            timer().schedule(() -> dispatchAfterReturn(async, res, phase, returned, address), 10, TimeUnit.MILLISECONDS);
        }
    }

    private void dispatchAfterReturn(AsyncContext async, HttpServletResponse res, AtomicInteger phase, AtomicBoolean returned,
                                     String address) {
        if (!returned.get()) {
            timer().schedule(() -> dispatchAfterReturn(async, res, phase, returned, address), 5, TimeUnit.MILLISECONDS);
            return;
        }
        // the thread has left the filter; give it the few microseconds it needs to leave the container too
        timer().schedule(() -> dispatchNow(async, res, phase, address), 5, TimeUnit.MILLISECONDS);
    }

    private void dispatchNow(AsyncContext async, HttpServletResponse res, AtomicInteger phase, String address) {
        phase.set(DISPATCHED);
        try {
            async.dispatch();
        } catch (RuntimeException e) {
            if (phase.compareAndSet(DISPATCHED, LOST)) {
                LOG.log(Level.WARNING, "event=http.dispatch-failed address=" + address + " reason=" + e, e);
                lost(async, res);
            }
            return;
        }
        timer().schedule(() -> {
            if (phase.compareAndSet(DISPATCHED, LOST)) {
                LOG.warning(() -> "event=http.dispatch-lost address=" + address + " reason=\"the container did not run the "
                        + "dispatched request within " + DISPATCH_WATCHDOG_MILLIS + " ms\"");
                lost(async, res);
            }
        }, DISPATCH_WATCHDOG_MILLIS, TimeUnit.MILLISECONDS);
    }

    private static void lost(AsyncContext async, HttpServletResponse res) {
        try {
            res.setHeader("Retry-After", "1");
            res.setHeader("Connection", "close");
            ProblemWriter.write(res, 503, "request.lost", "Service Unavailable",
                    "The server lost this request before handling it; nothing was changed. Send it again.", null);
        } catch (IOException | RuntimeException gone) {
            // the client is gone
        }
        completeQuietly(async);
    }

    private static void completeQuietly(AsyncContext async) {
        try {
            async.complete();
        } catch (IllegalStateException alreadyDone) {
            // completed by the container (client gone) in the meantime
        }
    }

    /** One daemon thread for every body deadline: it only writes a short 408, never waits. */
    private static ScheduledExecutorService timer() {
        return Timer.INSTANCE;
    }

    private static final class Timer {
        static final ScheduledExecutorService INSTANCE = newTimer();

        private static ScheduledExecutorService newTimer() {
            ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, r -> {
                Thread t = new Thread(r, "popcorn-body-deadlines");
                t.setDaemon(true);
                return t;
            });
            timer.setRemoveOnCancelPolicy(true);
            return timer;
        }
    }

    /**
     * The second half of a request whose body was read without a thread: the container dispatches it again, but
     * without the CDI request context its first half had, so the API's request-scoped beans get one here.
     */
    private void dispatchWithBody(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        RequestContextController context = requestContexts.get();
        boolean activated = context.activate();
        try {
            chain.doFilter(request, response);
        } finally {
            if (activated) {
                context.deactivate();
            }
            requestContexts.destroy(context);
        }
    }

    private void release(String address, AtomicInteger inFlight) {
        if (inFlight.decrementAndGet() <= 0) {
            pending.remove(address, inFlight);
        }
    }

    private static boolean hasBody(HttpServletRequest req) {
        return req.getContentLengthLong() > 0 || req.getHeader("Transfer-Encoding") != null;
    }

    private void tooLarge(HttpServletResponse res) throws IOException {
        res.setHeader("Connection", "close");
        ProblemWriter.write(res, 413, "request.too-large", "Content Too Large",
                "The request body is larger than " + maxBytes + " bytes.", "body");
    }

    private HttpServletRequest readBlocking(HttpServletRequest req, HttpServletResponse res) throws IOException {
        BufferedRequest buffered = new BufferedRequest(req);
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        byte[] chunk = new byte[8192];
        ServletInputStream in = req.getInputStream();
        for (int n; (n = in.read(chunk)) >= 0; ) {
            body.write(chunk, 0, n);
            if (body.size() > maxBytes) {
                tooLarge(res);
                return null;
            }
        }
        buffered.body = body.toByteArray();
        return buffered;
    }

    /** The request as the API sees it: the same, with its body already in memory. */
    static final class BufferedRequest extends HttpServletRequestWrapper {
        volatile byte[] body = new byte[0];
        final AtomicBoolean released = new AtomicBoolean();

        BufferedRequest(HttpServletRequest request) {
            super(request);
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream bytes = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return bytes.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return bytes.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    return bytes.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new IllegalStateException("The body has already been read.");
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            String enc = getCharacterEncoding();
            Charset cs = enc == null ? StandardCharsets.UTF_8 : Charset.forName(enc);
            return new BufferedReader(new InputStreamReader(new ByteArrayInputStream(body), cs));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
