import type { LuaScript } from '../lua.js';

/** Store.leaseDueJobs on one scope: see the header. */
export const leaseDueJobsScript: LuaScript = {
  name: 'lease-due-jobs',
  lua: `
--[[
  Leases one scope's jobs due now, oldest 'at' first, then first scheduled; each is hidden until its lease ends.
  KEYS[1] the scope's jobs hash (id -> JSON)   KEYS[2] its ready zset   KEYS[3] its order hash
  ARGV[1] now (ms)   ARGV[2] limit   ARGV[3] lease end (ms)
  Returns: the leased jobs' JSON, in order.
]]
local due = {}
for _, id in ipairs(redis.call('ZRANGEBYSCORE', KEYS[2], '-inf', ARGV[1])) do
  local json = redis.call('HGET', KEYS[1], id)
  due[#due + 1] = { id = id, json = json, at = cjson.decode(json).at, order = tonumber(redis.call('HGET', KEYS[3], id)) }
end
table.sort(due, function(a, b)
  if a.at ~= b.at then return a.at < b.at end
  return a.order < b.order
end)
local leased = {}
for i = 1, math.min(tonumber(ARGV[2]), #due) do
  redis.call('ZADD', KEYS[2], ARGV[3], due[i].id)
  leased[i] = due[i].json
end
return leased
`,
};
