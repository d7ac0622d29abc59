import type { LuaScript } from '../lua.js';

/** Store.claimEvents, without the wait: see the header. */
export const claimEventsScript: LuaScript = {
  name: 'claim-events',
  lua: `
--[[
  Hands out the outbox to a consumer group: first the events whose lease lapsed (oldest first),
  then events the group was never given (XREADGROUP); each is leased until ARGV[4]. A new group
  starts at the first event ever committed.
  KEYS[1] outbox stream   KEYS[2] the group's lease zset (stream id -> lease end)
  ARGV[1] group   ARGV[2] now (ms)   ARGV[3] limit   ARGV[4] lease end (ms)
  Returns: { stream id, event JSON, stream id, event JSON, ... }, oldest first.
]]
local stream, leases, group = KEYS[1], KEYS[2], ARGV[1]
local limit = tonumber(ARGV[3])
local out, ids = {}, {}
if limit <= 0 then return out end
redis.pcall('XGROUP', 'CREATE', stream, group, '0', 'MKSTREAM')

local function seq(id) return tonumber(string.match(id, '^(%d+)')) end
local lapsed = redis.call('ZRANGEBYSCORE', leases, '-inf', ARGV[2])
table.sort(lapsed, function(a, b) return seq(a) < seq(b) end)
for i = 1, math.min(limit, #lapsed) do
  local entry = redis.call('XRANGE', stream, lapsed[i], lapsed[i])[1]
  ids[#ids + 1] = lapsed[i]
  out[#out + 1] = lapsed[i]
  out[#out + 1] = entry[2][2]
end
if #ids < limit then
  local read = redis.call('XREADGROUP', 'GROUP', group, 'guichet', 'COUNT', limit - #ids, 'STREAMS', stream, '>')
  if read then
    for _, entry in ipairs(read[1][2]) do
      ids[#ids + 1] = entry[1]
      out[#out + 1] = entry[1]
      out[#out + 1] = entry[2][2]
    end
  end
end
for _, id in ipairs(ids) do redis.call('ZADD', leases, ARGV[4], id) end
return out
`,
};
