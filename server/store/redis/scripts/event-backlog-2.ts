import type { LuaScript } from '../lua.js';

/** Store.eventBacklog on one scope's outbox: see the header. */
export const eventBacklogScript: LuaScript = {
  name: 'event-backlog',
  lua: `
--[[
  How many events of one scope a group has not acknowledged: those it holds (pending) and those it
  was never given (seqs after its last-delivered id; seqs have no gaps).
  KEYS[1] the scope's outbox stream   KEYS[2] its seq
  ARGV[1] group
  Returns: the count.
]]
if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
local last = tonumber(redis.call('GET', KEYS[2]) or '0')
for _, info in ipairs(redis.call('XINFO', 'GROUPS', KEYS[1])) do
  local group = {}
  for i = 1, #info, 2 do group[info[i]] = info[i + 1] end
  if group['name'] == ARGV[1] then
    return group['pending'] + last - tonumber(string.match(group['last-delivered-id'], '^(%d+)'))
  end
end
-- A group new to this stream starts at the first event kept.
return redis.call('XLEN', KEYS[1])
`,
};
