import type { LuaScript } from '../lua.js';

/** Store.commit in one step: see the header. Built by commit-plan.ts. */
export const commitScript: LuaScript = {
  name: 'commit',
  lua: `
--[[
  Commits a Change atomically: checks record versions and claims; then writes records and their
  indexes, frees and takes claims, appends events to the outbox and schedules jobs.
  KEYS[1] outbox stream           KEYS[2] outbox seq          KEYS[3] event id -> seq hash
  KEYS[4] jobs hash               KEYS[5] jobs ready zset     KEYS[6] jobs order hash
  KEYS[7] jobs seq
  KEYS[8..n] the change's own keys, named by their index in the plan
  ARGV[1] the plan (JSON): now; versions [k, expected or -1 for none, label];
          releases [k, value]; claims [k, value, expiresAt or '', label];
          ops [name, k, a, b] (set, del, delif, zadd, zaddseq, zrem, rpush, max);
          events [json, id, k of the merchant's event zset]; doneJobs [id]; jobs [id, json, at]
  ARGV[2] the outbox channel: the last seq is published there when events were appended
  Returns: {'ok'} | {'version', label} | {'claim', label}; nothing is written unless 'ok'.
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

for _, op in ipairs(plan.ops) do
  local name, key = op[1], KEYS[op[2]]
  if name == 'set' then redis.call('SET', key, op[3])
  elseif name == 'del' then redis.call('DEL', key)
  elseif name == 'zaddseq' then
    -- op[3]: the index of a sequence key; a member keeps the order it was first listed in.
    if not redis.call('ZSCORE', key, op[4]) then redis.call('ZADD', key, redis.call('INCR', KEYS[op[3]]), op[4]) end
  elseif name == 'delif' then
    if redis.call('GET', key) == op[3] then redis.call('DEL', key) end
  elseif name == 'zadd' then redis.call('ZADD', key, op[3], op[4])
  elseif name == 'zrem' then redis.call('ZREM', key, op[3])
  elseif name == 'rpush' then redis.call('RPUSH', key, op[3])
  elseif name == 'max' then
    local old = redis.call('GET', key)
    if not old or tonumber(old) < tonumber(op[3]) then redis.call('SET', key, op[3]) end
  else return redis.error_reply('unknown op ' .. tostring(name)) end
end

for k in pairs(released) do redis.call('DEL', KEYS[k]) end
for _, c in ipairs(plan.claims) do
  redis.call('DEL', KEYS[c[1]])
  redis.call('HSET', KEYS[c[1]], 'v', c[2], 'e', c[3])
end

local seq
for _, e in ipairs(plan.events) do
  seq = redis.call('INCR', KEYS[2])
  redis.call('XADD', KEYS[1], seq .. '-0', 'event', e[1])
  redis.call('HSET', KEYS[3], e[2], seq)
  redis.call('ZADD', KEYS[e[3]], seq, seq)
end
if seq then redis.call('PUBLISH', ARGV[2], seq) end

for _, id in ipairs(plan.doneJobs) do
  redis.call('HDEL', KEYS[4], id)
  redis.call('ZREM', KEYS[5], id)
  redis.call('HDEL', KEYS[6], id)
end
for _, j in ipairs(plan.jobs) do
  redis.call('HSET', KEYS[4], j[1], j[2])
  redis.call('ZADD', KEYS[5], j[3], j[1])
  if redis.call('HEXISTS', KEYS[6], j[1]) == 0 then redis.call('HSET', KEYS[6], j[1], redis.call('INCR', KEYS[7])) end
end
return {'ok'}
`,
};
