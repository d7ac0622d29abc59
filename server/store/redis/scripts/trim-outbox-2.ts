import type { LuaScript } from '../lua.js';

/** The sweep of one scope's outbox: see the header. */
export const trimOutboxScript: LuaScript = {
  name: 'trim-outbox',
  lua: `
--[[
  Trims one scope's outbox stream of its oldest events that every consumer group has acknowledged
  (below each group's first pending event, or past its last-delivered one) and that occurred
  before the cutoff; their ids leave the event id hash with them. At most ARGV[2] per call.
  KEYS[1] the scope's outbox stream   KEYS[2] its event id -> seq hash
  ARGV[1] cutoff (ms, on occurredAt)   ARGV[2] most events to trim
  Returns: how many were trimmed.
]]
if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
local function seq(id) return tonumber(string.match(id, '^(%d+)')) end
local bound
for _, info in ipairs(redis.call('XINFO', 'GROUPS', KEYS[1])) do
  local group = {}
  for i = 1, #info, 2 do group[info[i]] = info[i + 1] end
  local first
  if group['pending'] > 0 then
    first = seq(redis.call('XPENDING', KEYS[1], group['name'])[2])
  else
    first = seq(group['last-delivered-id']) + 1
  end
  if not bound or first < bound then bound = first end
end
local cutoff = tonumber(ARGV[1])
local last
for _, entry in ipairs(redis.call('XRANGE', KEYS[1], '-', '+', 'COUNT', ARGV[2])) do
  local s = seq(entry[1])
  if bound and s >= bound then break end
  local event = cjson.decode(entry[2][2])
  if event.occurredAt >= cutoff then break end
  redis.call('HDEL', KEYS[2], event.id)
  last = s
end
if not last then return 0 end
return redis.call('XTRIM', KEYS[1], 'MINID', (last + 1) .. '-0')
`,
};
