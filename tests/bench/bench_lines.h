#pragma once
// Realistic log lines shared by the parser benchmarks.

namespace archfit::bench {

// A Google Cloud HTTP(S) load balancer request entry as Cloud Logging exports it (780 bytes).
inline constexpr const char* kGcpLbLine =
    R"({"insertId":"1oek5rg3l3fxj7","jsonPayload":{"@type":"type.googleapis.com/google.cloud.loadbalancing.type.LoadBalancerLogEntry","statusDetails":"response_sent_by_backend"},)"
    R"("httpRequest":{"requestMethod":"GET","requestUrl":"https://shop.example.com/api/orders/123456/status","requestSize":"412",)"
    R"("status":200,"responseSize":"3512","userAgent":"Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36",)"
    R"("remoteIp":"203.0.113.77","serverIp":"10.0.0.1","latency":"0.081234s","protocol":"HTTP/1.1"},)"
    R"("resource":{"type":"http_load_balancer","labels":{"zone":"global","url_map_name":"shop","project_id":"p"}},)"
    R"("timestamp":"2026-11-02T10:15:30.078651Z","severity":"INFO","logName":"projects/p/logs/requests",)"
    R"("receiveTimestamp":"2026-11-02T10:15:30.588272510Z","spanId":"7b6537d3672e08e1"})";

}  // namespace archfit::bench
