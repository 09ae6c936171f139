-- Shared by every wrk scenario (loaded with dofile): the bench users' tokens, the menu, unique keys, and a
-- machine-readable summary line ("BENCHJSON {...}") that bench/run parses.
local common = {}

-- Tokens of one role ("admin", "customer", "restaurant_owner", "rider"): a list of {subject, "Bearer …"}.
function common.tokens(role)
   local list = {}
   for line in io.lines(os.getenv("BENCH_TOKENS")) do
      local r, subject, token = line:match("^(%S+)\t(%S+)\t(%S+)$")
      if r == role then list[#list + 1] = { subject, "Bearer " .. token } end
   end
   return list
end

-- The seeded menu: restaurant ids and, per restaurant, its menu item ids.
function common.menu()
   local ids, items = {}, {}
   for line in io.lines(os.getenv("BENCH_MENU")) do
      local r, item = line:match("^(%d+)\t(%d+)\t")
      r = tonumber(r)
      if not items[r] then items[r] = {}; ids[#ids + 1] = r end
      table.insert(items[r], tonumber(item))
   end
   return ids, items
end

function common.pick(list) return list[math.random(#list)] end

-- GET one order by a random id among the seeded ones (min_id..max_id, a range with no gap), as the admin (who
-- may read every order).
function common.get_order(admin, min_id, max_id)
   return wrk.format("GET", "/api/v2/orders/" .. math.random(min_id, max_id), { ["Authorization"] = admin })
end

-- The first page of 20 of the caller's order list.
function common.list(token)
   return wrk.format("GET", "/api/v2/orders?limit=20", { ["Authorization"] = token })
end

-- Create + pay: a create's 201 queues the order; the connection's next action pays it (If-Match from the
-- create's ETag, the amount from its total). Keys are unique per run, thread and request.
local pending, by_subject, sequence = {}, {}, 0
local run = tostring(os.time())

local function key(kind)
   sequence = sequence + 1
   return kind .. "-" .. run .. "-" .. (tid or 0) .. "-" .. sequence
end

function common.action(customers, restaurants, items)
   local order = table.remove(pending)
   if order then
      return wrk.format("POST", "/api/v2/orders/" .. order.id .. "/payment", {
         ["Authorization"] = by_subject[order.customer], ["Content-Type"] = "application/json",
         ["If-Match"] = order.etag, ["Idempotency-Key"] = key("pay") },
         '{"payment_method":"card","amount":' .. order.amount .. '}')
   end
   local customer = common.pick(customers)
   by_subject[customer[1]] = customer[2]
   local restaurant = common.pick(restaurants)
   local menu = items[restaurant]
   local body = string.format(
      '{"restaurant_id":%d,"items":[{"menu_item_id":%d,"quantity":2},{"menu_item_id":%d,"quantity":1}],'
         .. '"delivery_address":"서울시 강남구 테헤란로 %d"}', restaurant, menu[1], menu[#menu], math.random(1, 999))
   return wrk.format("POST", "/api/v2/orders", {
      ["Authorization"] = customer[2], ["Content-Type"] = "application/json", ["Idempotency-Key"] = key("create") }, body)
end

statuses = {}

function common.response(status, headers, body)
   statuses[status] = (statuses[status] or 0) + 1
   if status == 201 then
      pending[#pending + 1] = {
         id = body:match('"id":(%d+)'), etag = headers["ETag"] or headers["etag"],
         amount = body:match('"total_amount":(%d+)'), customer = body:match('"customer_id":"([^"]+)"') }
   end
end

-- Every scenario's setup/done: number the threads, and print one JSON summary line at the end.
local threads = {}

function setup(thread)
   threads[#threads + 1] = thread
   thread:set("tid", #threads)
end

function done(summary, latency, requests)
   local counts = {}
   for _, thread in ipairs(threads) do
      local s = thread:get("statuses")
      if s then for status, n in pairs(s) do counts[status] = (counts[status] or 0) + n end end
   end
   local parts = {}
   for status, n in pairs(counts) do parts[#parts + 1] = string.format('"%s": %d', status, n) end
   local e = summary.errors
   io.write(string.format('BENCHJSON {"requests": %d, "duration_us": %d, "errors_status": %d, "errors_other": %d, '
      .. '"p50_us": %d, "p90_us": %d, "p99_us": %d, "p999_us": %d, "max_us": %d, "mean_us": %.1f, "statuses": {%s}}\n',
      summary.requests, summary.duration, e.status, e.connect + e.read + e.write + e.timeout,
      latency:percentile(50), latency:percentile(90), latency:percentile(99), latency:percentile(99.9),
      latency.max, latency.mean, table.concat(parts, ", ")))
end

return common
