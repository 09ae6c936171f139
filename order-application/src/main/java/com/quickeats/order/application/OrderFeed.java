package com.quickeats.order.application;

import com.quickeats.order.application.port.in.FeedFilter;
import com.quickeats.order.application.port.in.FeedMessage;
import com.quickeats.order.application.port.in.FeedSink;
import com.quickeats.order.application.port.out.FeedEntry;
import com.quickeats.order.application.port.out.FeedPosition;
import com.quickeats.order.application.port.out.OrderFeedSource;
import com.quickeats.order.domain.AccessPolicy;
import com.quickeats.order.domain.Actor;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The live feed of order changes (contract §9) for the subscribers of this instance. One thread reads the
 * shared tail of the outbox once, when woken by a commit anywhere or by a periodic safety poll, and fans each
 * event out to the subscribers that may see it; a subscriber resuming from an event id is first brought up
 * to that tail from the stored events, page by page as its buffer allows, then joins it. Every subscriber
 * keeps its own position, so it gets each event at most once and none twice, whichever instance it resumes on.
 *
 * <p>Nothing here blocks on a client: sinks are bounded and non-blocking, and one that cannot keep up is
 * dropped (its client resumes with its last event id).
 */
public final class OrderFeed implements AutoCloseable {
    /** How often an idle catching-up subscriber is looked at again for room in its buffer. */
    private static final long CATCH_UP_PAUSE_MS = 20;
    /** With a round at least every safety poll (100 ms), 200 per round keep 30,000 streams alive every 15 s. */
    private static final int KEEP_ALIVES_PER_ROUND = 200;
    /** Rows older than the retention stay this much longer, so a token just inside it still finds its next rows. */
    public static final Duration PURGE_GRACE = Duration.ofMinutes(10);

    private final OrderFeedSource source;
    private final Clock clock;
    private final ResumeTokens tokens;
    private final Settings settings;
    private final Consumer<RuntimeException> failures;
    private final Queue<FeedSubscriber> joining = new ConcurrentLinkedQueue<>();
    private final List<FeedSubscriber> live = new ArrayList<>();
    private final List<FeedSubscriber> catchingUp = new ArrayList<>();
    private final Semaphore wake = new Semaphore(0);
    private final Thread thread;
    private volatile boolean running = true;
    private FeedPosition head;
    private AutoCloseable listening;
    /** How many subscribers the feed's thread holds, as of its last round. */
    private volatile int admitted;

    /**
     * @param retention how long events stay resumable (and stored)
     * @param keepAlive how often an idle stream gets a comment line; also how long a stalled one may stay
     * @param safetyPoll how often the tail is read without a notification: an event becomes readable when an
     *     older, unrelated transaction ends, which notifies nobody
     * @param pageSize how many events one read takes
     */
    public record Settings(Duration retention, Duration keepAlive, Duration safetyPoll, int pageSize) {
        public static final Duration DEFAULT_RETENTION = Duration.ofHours(24);

        public static Settings standard(Duration retention) {
            return new Settings(retention, Duration.ofSeconds(15), Duration.ofMillis(100), 500);
        }
    }

    private OrderFeed(OrderFeedSource source, Clock clock, byte[] secret, Settings settings,
                      Consumer<RuntimeException> failures) {
        this.source = Objects.requireNonNull(source, "source");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.tokens = new ResumeTokens(secret);
        this.settings = Objects.requireNonNull(settings, "settings");
        this.failures = Objects.requireNonNull(failures, "failures");
        this.thread = new Thread(this::run, "quickeats-order-feed");
        this.thread.setDaemon(true);
    }

    /**
     * Starts following the outbox from its current head.
     *
     * @param secret seals the event ids (at least 32 bytes); instances sharing a database share it
     * @param failures told about each failed read (the database is down); the feed retries by itself
     */
    public static OrderFeed start(OrderFeedSource source, Clock clock, byte[] secret, Settings settings,
                                  Consumer<RuntimeException> failures) {
        OrderFeed feed = new OrderFeed(source, clock, secret, settings, failures);
        feed.head = source.head();
        feed.listening = source.listen(feed::wake);
        feed.thread.start();
        return feed;
    }

    /**
     * Checks a client's last event id before its stream opens.
     *
     * @throws com.quickeats.order.domain.InvalidInputException when the id was not issued by this service, or
     *     is older than the retention
     */
    public Optional<FeedPosition> resumePoint(Optional<String> lastEventId) {
        return lastEventId.map(token -> {
            ResumeTokens.Decoded decoded = tokens.decode(token);
            if (decoded.occurredAt().isBefore(clock.instant().minus(settings.retention()))) {
                throw ResumeTokens.expired(settings.retention().toHours() + " h");
            }
            return decoded.position();
        });
    }

    /** Adds a subscriber; its events start flowing into {@code sink} from the feed's thread. */
    public void subscribe(Actor actor, FeedFilter filter, Optional<FeedPosition> resumeAfter, FeedSink sink) {
        joining.add(new FeedSubscriber(AccessPolicy.visibleTo(actor), filter, sink, resumeAfter));
        wake();
        if (!running) {
            sink.end();
        }
    }

    /** Deletes events older than the retention in batches of {@code batchSize}; returns how many. */
    public int purgeExpired(int batchSize) {
        Instant cutoff = clock.instant().minus(settings.retention()).minus(PURGE_GRACE);
        int total = 0;
        int deleted;
        do {
            deleted = source.purgeBefore(cutoff, batchSize);
            total += deleted;
        } while (deleted == batchSize);
        return total;
    }

    /** How many subscribers this instance holds right now (admitted or about to be). */
    public int subscribers() {
        return joining.size() + admitted;
    }

    private void wake() {
        wake.release();
    }

    private void run() {
        while (running) {
            long pause = catchingUp.isEmpty() ? settings.safetyPoll().toMillis() : CATCH_UP_PAUSE_MS;
            try {
                wake.tryAcquire(pause, TimeUnit.MILLISECONDS);
                wake.drainPermits();
            } catch (InterruptedException e) {
                break;
            }
            if (!running) {
                break;
            }
            try {
                admitJoiners();
                readTail();
                advanceCatchUps();
                keepAlivesDue();
            } catch (RuntimeException e) {
                failures.accept(e);
            }
            admitted = live.size() + catchingUp.size();
        }
        endAll();
    }

    private void admitJoiners() {
        FeedSubscriber joiner;
        while ((joiner = joining.poll()) != null) {
            Optional<FeedPosition> resume = joiner.resumeAfter;
            joiner.position = resume.orElse(head);
            joiner.nextKeepAlive = clock.instant().plus(settings.keepAlive());
            (resume.isPresent() && head.isAfter(resume.get()) ? catchingUp : live).add(joiner);
        }
    }

    private void readTail() {
        List<FeedEntry> page;
        do {
            page = source.readAfter(head, settings.pageSize());
            for (FeedEntry entry : page) {
                FeedMessage message = null;
                for (Iterator<FeedSubscriber> it = live.iterator(); it.hasNext(); ) {
                    FeedSubscriber subscriber = it.next();
                    if (!entry.position().isAfter(subscriber.position)) {
                        continue; // resumed from further on than this instance had read
                    }
                    subscriber.position = entry.position();
                    if (FeedVisibility.delivers(subscriber.scope, subscriber.filter, entry)) {
                        message = message != null ? message : messageOf(entry);
                        if (!subscriber.sink.send(message)) {
                            drop(it, subscriber);
                        }
                    }
                }
                head = entry.position();
            }
        } while (page.size() == settings.pageSize());
        live.removeIf(subscriber -> !subscriber.sink.isOpen());
    }

    /** Sends each catching-up subscriber what its buffer has room for; one that reached the head goes live. */
    private void advanceCatchUps() {
        for (Iterator<FeedSubscriber> it = catchingUp.iterator(); it.hasNext(); ) {
            FeedSubscriber subscriber = it.next();
            if (!subscriber.sink.isOpen()) {
                it.remove();
                continue;
            }
            int room = subscriber.sink.room();
            if (room == 0) {
                continue;
            }
            List<FeedEntry> page = source.readBetween(subscriber.position, head, settings.pageSize());
            for (FeedEntry entry : page) {
                if (FeedVisibility.delivers(subscriber.scope, subscriber.filter, entry)) {
                    if (room == 0) {
                        break;
                    }
                    room--;
                    if (!subscriber.sink.send(messageOf(entry))) {
                        drop(it, subscriber);
                        break;
                    }
                }
                subscriber.position = entry.position();
            }
            if (subscriber.sink.isOpen() && !head.isAfter(subscriber.position)) {
                it.remove();
                live.add(subscriber);
            }
        }
    }

    /**
     * Keep-alives for the subscribers whose period is up, at most {@link #KEEP_ALIVES_PER_ROUND} per round:
     * subscribers come due at the times they joined, so thousands of streams never get theirs in one burst that
     * would hold events back.
     */
    private void keepAlivesDue() {
        Instant now = clock.instant();
        int budget = KEEP_ALIVES_PER_ROUND;
        for (List<FeedSubscriber> group : List.of(live, catchingUp)) {
            for (Iterator<FeedSubscriber> it = group.iterator(); it.hasNext() && budget > 0; ) {
                FeedSubscriber subscriber = it.next();
                if (subscriber.nextKeepAlive.isAfter(now)) {
                    continue;
                }
                budget--;
                subscriber.nextKeepAlive = now.plus(settings.keepAlive());
                if (!subscriber.sink.keepAlive()) {
                    drop(it, subscriber);
                }
            }
        }
    }

    private FeedMessage messageOf(FeedEntry entry) {
        return new FeedMessage(tokens.encode(entry.position(), entry.occurredAt()), entry.type(), entry.data());
    }

    private static void drop(Iterator<FeedSubscriber> it, FeedSubscriber subscriber) {
        it.remove();
        subscriber.sink.end();
    }

    private void endAll() {
        for (List<FeedSubscriber> group : List.of(live, catchingUp)) {
            group.forEach(subscriber -> subscriber.sink.end());
            group.clear();
        }
        FeedSubscriber joiner;
        while ((joiner = joining.poll()) != null) {
            joiner.sink.end();
        }
    }

    /** Ends every stream (clients resume elsewhere with their last event id) and stops following the outbox. */
    @Override
    public void close() {
        running = false;
        wake();
        try {
            thread.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            listening.close();
        } catch (Exception e) {
            failures.accept(new IllegalStateException("stopping the outbox listener failed", e));
        }
    }
}
