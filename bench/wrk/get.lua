-- GET /api/v2/orders/{id} with a random id among the seeded ones (BENCH_MIN_ID..BENCH_MAX_ID, all stored), as the admin.
local common = dofile(os.getenv("BENCH_LIB") .. "/common.lua")
local admin, min_id, max_id

function init(args)
   math.randomseed(os.time() * 100 + (tid or 0))
   admin = common.tokens("admin")[1][2]
   min_id = tonumber(os.getenv("BENCH_MIN_ID"))
   max_id = tonumber(os.getenv("BENCH_MAX_ID"))
end

function request() return common.get_order(admin, min_id, max_id) end
