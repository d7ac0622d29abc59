import type { LuaScript } from '../lua.js';

/** Store.ackEvents: see the header. */
export const ackEventsScript: LuaScript = {
  name: 'ack-events',
  lua: `
--[[
  The group is done with these events: acknowledged in the stream (XACK), their leases dropped.
  KEYS[1] outbox stream   KEYS[2] event id -> seq hash   KEYS[3] the group's lease zset
  ARGV[1] group   ARGV[2..n] event ids
  Returns: how many of them the group held.
]]
if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
redis.pcall('XGROUP', 'CREATE', KEYS[1], ARGV[1], '0')
local acked = 0
for i = 2, #ARGV do
  local seq = redis.call('HGET', KEYS[2], ARGV[i])
  if seq then
    local id = seq .. '-0'
    acked = acked + redis.call('XACK', KEYS[1], ARGV[1], id)
    redis.call('ZREM', KEYS[3], id)
  end
end
return acked
`,
};
