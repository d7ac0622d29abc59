import type { LuaScript } from '../lua.js';

/** Store.getPayment in one round trip: see the header. */
export const getPaymentScript: LuaScript = {
  name: 'get-payment',
  lua: `
--[[
  The payment a transaction id belongs to: the id's index entry, then the payment it names. The
  payment key is built from ARGV[1]: it shares the index key's hash tag (the merchant's slot).
  KEYS[1] the transaction index key   ARGV[1] the merchant's payment key prefix
  Returns: the payment's JSON, or nil.
]]
local id = redis.call('GET', KEYS[1])
if not id then return nil end
return redis.call('GET', ARGV[1] .. id)
`,
};
