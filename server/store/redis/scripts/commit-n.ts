import type { LuaScript } from '../lua.js';

/** Store.commit in one step: see the header. Built by commit-plan.ts. */
export const commitScript: LuaScript = {
  name: 'commit',
  lua: `
--[[
  Commits a Change atomically: checks record versions and claims; then writes records and their
  indexes, frees and takes claims, appends events to their scope's outbox and schedules jobs.
  KEYS[1..n] every key of the change, named by their index in the plan (on Redis Cluster all of
          one scope, hence one slot)
  ARGV[1] the plan (JSON): now; versions [k, expected or -1 for none, label];
          reindex [k of an updated payment, tx key prefix, order key prefix, id, tx ids, order ref];
          releases [k, value]; claims [k, value, expiresAt or '', label, ttl ms or ''];
          ops [name, k, a, b] (set [k, v value], del, zadd, zaddseq, zrem, rpush, max, pexpire);
          events [v json, id, k stream, k seq, k ids]; doneJobs [id, k jobs, k ready, k order];
          jobs [id, v json, at, k jobs, k ready, k order, k seq]
  ARGV[2] the outbox channel: published on when events were appended
  ARGV[3…] the values stored (records', events' and jobs' JSON), named 'v' above by their ARGV index
  Returns: {'ok'} | {'version', label} | {'claim', label}; nothing is written unless 'ok'.
  The transaction and order keys an updated payment no longer has are built from the prefixes in
  'reindex' (the stored version is only known here); they share the payment's hash tag, so they
  live in the script's slot.
]]
local plan = cjson.decode(ARGV[1])
local now = tonumber(plan.now)

local function live(key)
  local held = redis.call('HMGET', key, 'v', 'e')
  if not held[1] then return nil end
  if held[2] ~= '' and tonumber(held[2]) <= now then return nil end
  return held[1]
end

for _, check in ipairs(plan.versions) do
  local stored = redis.call('GET', KEYS[check[1]])
  local holds
  if check[2] == -1 then holds = not stored else holds = stored and cjson.decode(stored).version == check[2] end
  if not holds then return {'version', check[3]} end
end

local released = {}
for _, r in ipairs(plan.releases) do
  if live(KEYS[r[1]]) == r[2] then released[r[1]] = true end
end
local taken = {}
for _, c in ipairs(plan.claims) do
  if taken[c[1]] or (not released[c[1]] and live(KEYS[c[1]])) then return {'claim', c[4]} end
  taken[c[1]] = true
end

for _, r in ipairs(plan.reindex) do
  local old = cjson.decode(redis.call('GET', KEYS[r[1]]))
  local kept = {}
  for _, id in ipairs(r[5]) do kept[id] = true end
  for _, operation in ipairs(old.operations) do
    local key = r[2] .. operation.id
    if not kept[operation.id] and redis.call('GET', key) == r[4] then redis.call('DEL', key) end
  end
  if old.orderRef ~= r[6] then redis.call('ZREM', r[3] .. old.orderRef, r[4]) end
end

for _, op in ipairs(plan.ops) do
  local name, key = op[1], KEYS[op[2]]
  if name == 'set' then redis.call('SET', key, ARGV[op[3]])
  elseif name == 'del' then redis.call('DEL', key)
  elseif name == 'zaddseq' then
    -- op[3]: the index of a sequence key; a member keeps the order it was first listed in.
    if not redis.call('ZSCORE', key, op[4]) then redis.call('ZADD', key, redis.call('INCR', KEYS[op[3]]), op[4]) end
  elseif name == 'zadd' then redis.call('ZADD', key, op[3], op[4])
  elseif name == 'zrem' then redis.call('ZREM', key, op[3])
  elseif name == 'rpush' then redis.call('RPUSH', key, op[3])
  elseif name == 'pexpire' then redis.call('PEXPIRE', key, op[3])
  elseif name == 'max' then
    local old = redis.call('GET', key)
    if not old or tonumber(old) < tonumber(op[3]) then redis.call('SET', key, op[3]) end
  else return redis.error_reply('unknown op ' .. tostring(name)) end
end

for k in pairs(released) do redis.call('DEL', KEYS[k]) end
for _, c in ipairs(plan.claims) do
  redis.call('DEL', KEYS[c[1]])
  redis.call('HSET', KEYS[c[1]], 'v', c[2], 'e', c[3])
  if c[5] ~= '' then redis.call('PEXPIRE', KEYS[c[1]], c[5]) end
end

local appended = false
for _, e in ipairs(plan.events) do
  local seq = redis.call('INCR', KEYS[e[4]])
  redis.call('XADD', KEYS[e[3]], seq .. '-0', 'event', ARGV[e[1]])
  redis.call('HSET', KEYS[e[5]], e[2], seq)
  appended = true
end
if appended then redis.call('PUBLISH', ARGV[2], '1') end

for _, j in ipairs(plan.doneJobs) do
  redis.call('HDEL', KEYS[j[2]], j[1])
  redis.call('ZREM', KEYS[j[3]], j[1])
  redis.call('HDEL', KEYS[j[4]], j[1])
end
for _, j in ipairs(plan.jobs) do
  redis.call('HSET', KEYS[j[4]], j[1], ARGV[j[2]])
  redis.call('ZADD', KEYS[j[5]], j[3], j[1])
  if redis.call('HEXISTS', KEYS[j[6]], j[1]) == 0 then redis.call('HSET', KEYS[j[6]], j[1], redis.call('INCR', KEYS[j[7]])) end
end
return {'ok'}
`,
};
