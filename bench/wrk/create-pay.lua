-- POST /api/v2/orders, then POST …/payment of that order (Idempotency-Key and If-Match set), alternating.
local common = dofile(os.getenv("BENCH_LIB") .. "/common.lua")
local customers, restaurants, items

function init(args)
   math.randomseed(os.time() * 100 + (tid or 0))
   customers = common.tokens("customer")
   restaurants, items = common.menu()
end

function request() return common.action(customers, restaurants, items) end

function response(status, headers, body) common.response(status, headers, body) end
