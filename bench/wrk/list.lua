-- GET /api/v2/orders?limit=20 (the first page) as a random user of one role (BENCH_ROLE).
local common = dofile(os.getenv("BENCH_LIB") .. "/common.lua")
local users

function init(args)
   math.randomseed(os.time() * 100 + (tid or 0))
   users = common.tokens(os.getenv("BENCH_ROLE"))
end

function request() return common.list(common.pick(users)[2]) end
