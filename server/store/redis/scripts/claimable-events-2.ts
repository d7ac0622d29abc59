import type { LuaScript } from '../lua.js';

/** Whether claimEvents would find work in one scope's outbox: see the header. */
export const claimableEventsScript: LuaScript = {
  name: 'claimable-events',
  lua: `
--[[
  How many events of one scope a group could claim now, up to a limit: those it was never given
  (seqs after its last-delivered id; seqs have no gaps) and those whose lease lapsed. Reads only.
  KEYS[1] the scope's outbox stream   KEYS[2] its seq
  ARGV[1] group   ARGV[2] limit   ARGV[3] lease (ms)
  Returns: the count, at most the limit.
]]
if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
local limit = tonumber(ARGV[2])
local last = tonumber(redis.call('GET', KEYS[2]) or '0')
for _, info in ipairs(redis.call('XINFO', 'GROUPS', KEYS[1])) do
  local group = {}
  for i = 1, #info, 2 do group[info[i]] = info[i + 1] end
  if group['name'] == ARGV[1] then
    local fresh = last - tonumber(string.match(group['last-delivered-id'], '^(%d+)'))
    if fresh >= limit or group['pending'] == 0 then return math.min(fresh, limit) end
    local lapsed = redis.call('XPENDING', KEYS[1], ARGV[1], 'IDLE', ARGV[3], '-', '+', limit - fresh)
    return fresh + #lapsed
  end
end
-- A group new to this stream starts at the first event kept.
return math.min(redis.call('XLEN', KEYS[1]), limit)
`,
};
