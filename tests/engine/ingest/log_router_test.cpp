// Route rules: host, path prefix or glob, method; first match wins.

#include "archfit/ingest/log_router.h"

#include <gtest/gtest.h>

using namespace archfit;

TEST(LogRouter, GlobMatch)
{
    EXPECT_TRUE(globMatch("/api/orders/*/status", "/api/orders/12345/status"));
    EXPECT_TRUE(globMatch("/api/orders/*/status", "/api/orders/a/b/status"));  // * crosses '/'
    EXPECT_FALSE(globMatch("/api/orders/*/status", "/api/orders/1/status/x"));
    EXPECT_TRUE(globMatch("/img/??.png", "/img/42.png"));
    EXPECT_FALSE(globMatch("/img/??.png", "/img/4.png"));
    EXPECT_TRUE(globMatch("*", ""));
    EXPECT_TRUE(globMatch("/a*b*c", "/aXbYbZc"));
    EXPECT_FALSE(globMatch("/a*b*c", "/aXbYbZ"));
}

TEST(LogRouter, FirstMatchWinsWithHostMethodAndQuery)
{
    Workload w;
    Component orders;
    orders.id = "orders";
    orders.routes = {{"", "/api/orders/*/status", "GET"}, {"", "/api/orders/", ""}};
    Component admin;
    admin.id = "admin";
    admin.routes = {{"admin.example.com", "/admin/", "*"}};
    Component catchAll;
    catchAll.id = "site";
    catchAll.routes = {{"", "/api/", "POST"}};
    Component noRoutes;
    noRoutes.id = "batch";
    w.components = {orders, admin, noRoutes, catchAll};
    const LogRouter r(w);
    ASSERT_EQ(r.componentIds().size(), 4u);
    EXPECT_EQ(r.match("", "GET", "/api/orders/77/status?x=1"), 0);  // glob, query ignored
    EXPECT_EQ(r.match("", "DELETE", "/api/orders/77"), 0);          // prefix rule, any method
    EXPECT_EQ(r.match("", "POST", "/api/payments"), 3);             // orders rules do not match
    EXPECT_EQ(r.match("", "GET", "/api/payments"), -1);             // method mismatch: unmapped
    EXPECT_EQ(r.match("ADMIN.example.com:443", "GET", "/admin/x"), 1);  // host: case and port ignored
    EXPECT_EQ(r.match("shop.example.com", "GET", "/admin/x"), -1);      // another host
    EXPECT_EQ(r.match("", "GET", "/admin/x"), 1);  // no host in the log: the rule's host is not compared
    EXPECT_EQ(r.match("", "", ""), -1);            // garbage request: no path, no prefix matches
    EXPECT_EQ(r.indexOf("batch"), 2);
    EXPECT_EQ(r.indexOf("nope"), -1);
}
