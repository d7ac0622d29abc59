import type { LuaScript } from '../lua.js';

/** Store.claimEvents on one scope's outbox, without the wait: see the header. */
export const claimEventsScript: LuaScript = {
  name: 'claim-events',
  lua: `
--[[
  Hands out one scope's outbox to a consumer group (native Redis consumer groups): first the
  events it was given and never acknowledged within the lease (XAUTOCLAIM: idle for at least the
  lease, on the server's clock), oldest first, then events it was never given (XREADGROUP). Both
  reset the idle time, which is the lease. A new group starts at the first event kept.
  KEYS[1] the scope's outbox stream
  ARGV[1] group   ARGV[2] limit   ARGV[3] lease (ms)
  Returns: { stream id, event JSON, stream id, event JSON, ... }.
]]
local stream, group = KEYS[1], ARGV[1]
local limit = tonumber(ARGV[2])
local out = {}
if limit <= 0 or redis.call('EXISTS', stream) == 0 then return out end
redis.pcall('XGROUP', 'CREATE', stream, group, '0')

local found, cursor, scans = 0, '0-0', 0
-- XAUTOCLAIM looks at COUNT x 10 pending entries per call: a long run of live leases ahead of a
-- lapsed one takes a few calls.
repeat
  local claimed = redis.call('XAUTOCLAIM', stream, group, 'guichet', ARGV[3], cursor, 'COUNT', limit - found)
  cursor = claimed[1]
  for _, entry in ipairs(claimed[2]) do
    -- An entry trimmed away while pending has no fields: nothing to hand out.
    if entry[2] then
      out[#out + 1] = entry[1]
      out[#out + 1] = entry[2][2]
      found = found + 1
    end
  end
  scans = scans + 1
until cursor == '0-0' or found >= limit or scans >= 10

if found < limit then
  local read = redis.call('XREADGROUP', 'GROUP', group, 'guichet', 'COUNT', limit - found, 'STREAMS', stream, '>')
  if read then
    for _, entry in ipairs(read[1][2]) do
      out[#out + 1] = entry[1]
      out[#out + 1] = entry[2][2]
    end
  end
end
return out
`,
};
