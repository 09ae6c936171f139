-- A realistic mix: 70 % reads (50 % GET one order, 20 % a list page as a random role) and 30 % actions
-- (create + pay, alternating as in create-pay.lua).
local common = dofile(os.getenv("BENCH_LIB") .. "/common.lua")
local admin, min_id, max_id, customers, restaurants, items, lists

function init(args)
   math.randomseed(os.time() * 100 + (tid or 0))
   admin = common.tokens("admin")[1][2]
   min_id = tonumber(os.getenv("BENCH_MIN_ID"))
   max_id = tonumber(os.getenv("BENCH_MAX_ID"))
   customers = common.tokens("customer")
   restaurants, items = common.menu()
   lists = { common.tokens("admin"), customers, common.tokens("restaurant_owner"), common.tokens("rider") }
end

function request()
   local r = math.random(100)
   if r <= 50 then return common.get_order(admin, min_id, max_id) end
   if r <= 70 then return common.list(common.pick(common.pick(lists))[2]) end
   return common.action(customers, restaurants, items)
end

function response(status, headers, body) common.response(status, headers, body) end
