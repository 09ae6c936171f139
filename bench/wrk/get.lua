-- GET /api/v2/orders/{id} with a random seeded id, as the admin.
local common = dofile(os.getenv("BENCH_LIB") .. "/common.lua")
local admin, max_id

function init(args)
   math.randomseed(os.time() * 100 + (tid or 0))
   admin = common.tokens("admin")[1][2]
   max_id = tonumber(os.getenv("BENCH_MAX_ID"))
end

function request() return common.get_order(admin, max_id) end
