package dev.redlock.core.internal;

/**
 * The Lua scripts the engine runs on every node. Each is loaded once per node ({@code SCRIPT LOAD}) and called by
 * SHA; a node that lost its script cache (restart) gets it again on {@code NOSCRIPT}.
 *
 * <p>Key layout for a lock key {@code K} (see {@link KeyNames}): {@code K} holds the owner's token with the lock's
 * lease time as its TTL; {@code K:fence} holds the node's fencing counter; {@code K:q} and {@code K:hb} are the FIFO queue (waiter id
 * scored by arrival) and the waiters' heartbeat deadlines. All of them hash to the slot of {@code K}.
 *
 * <p>Fencing (the argument is in {@code docs/engine.md} and on {@link Engine}): a grant stores on each node
 * {@code v = max(counter + 1, TIME in microseconds)} and the grant's token is the largest {@code v} of the granting
 * quorum; release and extension write the floor {@code counter = max(counter, token)}.
 */
final class Scripts {

    private Scripts() {
    }

    /**
     * Shared by the acquire and the wake-up: drops the waiters of queue {@code q} whose heartbeat in {@code h} is
     * older than {@code nowMs} and returns the head of the queue (nil if empty).
     */
    private static final String QUEUE_HEAD = """
            local function queueHead(q, h, nowMs)
              local dead = redis.call('ZRANGEBYSCORE', h, '-inf', '(' .. nowMs)
              for _, w in ipairs(dead) do
                redis.call('ZREM', q, w)
                redis.call('ZREM', h, w)
              end
              return redis.call('ZRANGE', q, 0, 0)[1]
            end
            """;

    /** Shared prologue: the node's time and the restart check on the epoch marker. */
    private static final String PROLOGUE = """
            pcall(redis.replicate_commands)
            local n = tonumber(ARGV[3])
            local t = redis.call('TIME')
            local nowUs = tonumber(t[1]) * 1000000 + tonumber(t[2])
            local nowMs = math.floor(nowUs / 1000)
            local epoch = ''
            if ARGV[5] ~= '-' then
              local ek = KEYS[#KEYS]
              local e = redis.call('GET', ek)
              if not e then
                if ARGV[5] == '' then
                  redis.call('SET', ek, ARGV[6] .. ':0')
                  epoch = ARGV[6]
                else
                  local untilMs = nowMs + tonumber(ARGV[7])
                  redis.call('SET', ek, ARGV[6] .. ':' .. string.format('%.0f', untilMs))
                  return {-1, tonumber(ARGV[7]), ARGV[6]}
                end
              else
                local sep = string.find(e, ':', 1, true)
                local id = string.sub(e, 1, sep - 1)
                local untilMs = tonumber(string.sub(e, sep + 1))
                if id ~= ARGV[5] then
                  epoch = id
                  if ARGV[5] ~= '' and untilMs == 0 then
                    untilMs = nowMs + tonumber(ARGV[7])
                    redis.call('SET', ek, id .. ':' .. string.format('%.0f', untilMs))
                  end
                end
                if untilMs > nowMs then
                  return {-1, untilMs - nowMs, epoch}
                end
              end
            end
            """;

    /**
     * Acquire all keys or none. KEYS: n lock keys, n fence keys, [n queue keys, n heartbeat keys], [epoch].
     * ARGV: token, lease time ms, n, fence retention ms, known epoch ('' = none yet, '-' = no check), proposed epoch,
     * quarantine ms, queue mode (0 off, 1 FIFO check, 2 FIFO enqueue, 3 enqueue a waiter without the FIFO head
     * check: default mode, where a release wakes the queue's head and barging stays possible), waiter id, waiter
     * score, heartbeat timeout ms.
     * Returns {1, fence} granted, {0, 0} held, {-1, ms} not voting; third element: the node's epoch if it changed.
     * A lock key holding {@code turn:<waiter id>} (see {@link #RELEASE}) is free for that waiter only.
     */
    static final String ACQUIRE = QUEUE_HEAD + PROLOGUE + """
            local leaseTimeMillis = ARGV[2]
            local fifo = tonumber(ARGV[8])
            local free = true
            local myTurn = 'turn:' .. ARGV[9]
            for i = 1, n do
              local v = redis.call('GET', KEYS[i])
              if v and v ~= myTurn then free = false break end
            end
            if fifo > 0 then
              local me = ARGV[9]
              local hb = tonumber(ARGV[11])
              local first = true
              if fifo < 3 then
                for i = 1, n do
                  local head = queueHead(KEYS[2 * n + i], KEYS[3 * n + i], nowMs)
                  if head and head ~= me then first = false end
                end
              end
              if not (free and first) then
                if fifo >= 2 then
                  for i = 1, n do
                    local q = KEYS[2 * n + i]
                    local h = KEYS[3 * n + i]
                    redis.call('ZADD', q, 'NX', ARGV[10], me)
                    redis.call('ZADD', h, nowMs + hb, me)
                    redis.call('PEXPIRE', q, hb * 3)
                    redis.call('PEXPIRE', h, hb * 3)
                  end
                end
                return {0, 0, epoch}
              end
              for i = 1, n do
                if redis.call('ZREM', KEYS[2 * n + i], me) == 1 then
                  redis.call('ZREM', KEYS[3 * n + i], me)
                end
              end
            elseif not free then
              return {0, 0, epoch}
            end
            local maxv = 0
            for i = 1, n do
              local c = tonumber(redis.call('GET', KEYS[n + i]) or '0')
              local v = math.max(c + 1, nowUs)
              redis.call('SET', KEYS[n + i], string.format('%.0f', v), 'PX', ARGV[4])
              redis.call('SET', KEYS[i], ARGV[1], 'PX', leaseTimeMillis)
              if v > maxv then maxv = v end
            end
            return {1, maxv, epoch}
            """;

    /** Shared part of extend and release: the fencing floor {@code counter = max(counter, token)}. */
    private static final String FLOOR = """
            local function floor(f, token, retention)
              if token > 0 then
                local c = tonumber(redis.call('GET', f) or '0')
                if c < token then
                  redis.call('SET', f, string.format('%.0f', token), 'PX', retention)
                else
                  redis.call('PEXPIRE', f, retention)
                end
              end
            end
            """;

    /**
     * Extend if every key still holds the token. KEYS: n lock keys, n fence keys. ARGV: token, lease time ms, n,
     * fence retention ms, fencing token. Returns 1 extended, 0 not held.
     */
    static final String EXTEND = FLOOR + """
            local leaseTimeMillis = ARGV[2]
            local n = tonumber(ARGV[3])
            for i = 1, n do
              if redis.call('GET', KEYS[i]) ~= ARGV[1] then return 0 end
            end
            for i = 1, n do
              redis.call('PEXPIRE', KEYS[i], leaseTimeMillis)
              floor(KEYS[n + i], tonumber(ARGV[5]), ARGV[4])
            end
            return 1
            """;

    /**
     * Wakes one waiter of each key: publishes the id of the head of the key's waiter queue (after dropping the
     * waiters whose heartbeat ran out) on its channel, so that only that waiter's engine wakes it and the others
     * keep sleeping; {@code '1'} (wake the longest local waiter of every engine) when nobody is queued, for the
     * waiters that have not made an attempt yet. KEYS from {@code qi}: n queue keys, then n heartbeat keys.
     *
     * <p>With {@code turnMs > 0} (a release: KEYS from 1 are the lock keys) the woken head also gets its turn: the
     * free lock key holds {@code turn:<head>} for {@code turnMs}, which the acquire script reads as free for that
     * waiter only. Without it a releaser's next request, one round trip away, took the lock again before the
     * woken head's attempt arrived (barging), and the head waited for the next release. A head that does not come
     * costs the key at most {@code turnMs}; after that anyone may take it, as before. Its heartbeat is cut to two
     * turns, so a head that is gone leaves the queue after at most three turns instead of taking a turn at every
     * release for a whole heartbeat timeout.
     */
    private static final String WAKE_HEAD = QUEUE_HEAD + """
            local function wakeHead(n, qi, ci, empty, turnMs)
              local nowMs
              for i = 1, n do
                local head
                if redis.call('EXISTS', KEYS[qi + i]) == 1 then
                  if not nowMs then
                    local t = redis.call('TIME')
                    nowMs = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
                  end
                  head = queueHead(KEYS[qi + i], KEYS[qi + n + i], nowMs)
                end
                if head then
                  if turnMs > 0 then
                    redis.call('SET', KEYS[i], 'turn:' .. head, 'NX', 'PX', turnMs)
                    -- a head that has not tried again one turn after its turn ended is gone (paused, cut off):
                    -- it leaves the queue then instead of getting a turn at every release for a whole heartbeat;
                    -- a live one that was only slow takes its place back (same score) with its next attempt
                    local hk = KEYS[qi + n + i]
                    local byMs = nowMs + 2 * turnMs
                    local hbMs = tonumber(redis.call('ZSCORE', hk, head))
                    if hbMs and hbMs > byMs then redis.call('ZADD', hk, byMs, head) end
                  end
                  redis.call('PUBLISH', ARGV[ci + i], head)
                elseif empty then
                  redis.call('PUBLISH', ARGV[ci + i], '1')
                end
              end
            end
            """;

    /**
     * Compare-and-delete every key holding the token, write the fencing floor, and announce the release. KEYS: n
     * lock keys, n fence keys, [n queue keys, n heartbeat keys]. ARGV: token, publish (1/0), n, fence retention ms,
     * fencing token, n channels, [the head's turn in ms]. Returns the number of keys deleted. With the queue keys,
     * the announcement names the head of each key's waiter queue and gives it its turn (see {@code WAKE_HEAD});
     * without them it is {@code '1'}.
     */
    static final String RELEASE = "pcall(redis.replicate_commands)\n" + FLOOR + WAKE_HEAD + """
            local n = tonumber(ARGV[3])
            local deleted = 0
            for i = 1, n do
              if redis.call('GET', KEYS[i]) == ARGV[1] then
                redis.call('DEL', KEYS[i])
                deleted = deleted + 1
              end
              floor(KEYS[n + i], tonumber(ARGV[5]), ARGV[4])
            end
            if deleted > 0 and ARGV[2] == '1' then
              if #KEYS >= 4 * n then
                wakeHead(n, 2 * n, 5, true, tonumber(ARGV[6 + n] or '0'))
              else
                for i = 1, n do redis.call('PUBLISH', ARGV[5 + i], '1') end
              end
            end
            return deleted
            """;

    /**
     * Leave the waiter queues and optionally wake the new head of each. KEYS: n queue keys, n heartbeat keys. ARGV:
     * waiter id, n, publish (1/0), n channels. Returns 1.
     */
    static final String DEQUEUE = "pcall(redis.replicate_commands)\n" + WAKE_HEAD + """
            local n = tonumber(ARGV[2])
            for i = 1, n do
              redis.call('ZREM', KEYS[i], ARGV[1])
              redis.call('ZREM', KEYS[n + i], ARGV[1])
            end
            if ARGV[3] == '1' then wakeHead(n, 0, 3, false, 0) end
            return 1
            """;

    /**
     * What a node knows about one key. KEYS: lock key, fence key, queue key. Returns {owner or '', pttl, fence,
     * queue length}.
     */
    /** A {@code PING} as a script, so that it takes the lock scripts' connection and routing; answers 1. */
    static final String PING = "redis.call('PING') return 1";

    static final String PEEK = """
            local owner = redis.pcall('GET', KEYS[1])
            if type(owner) ~= 'string' then owner = '' end
            return {owner, redis.call('PTTL', KEYS[1]), tonumber(redis.call('GET', KEYS[2]) or '0'),
              redis.call('ZCARD', KEYS[3])}
            """;
}
