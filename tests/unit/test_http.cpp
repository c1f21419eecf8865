#include <catch2/catch.hpp>

#include "http.hpp"

using namespace wstats;

TEST_CASE("Header blocks parse with case-insensitive names and trimmed values", "[http]") {
    const auto h = parse_header_block("Content-Type: application/json; charset=utf-8\r\nX-Rate-Limit-Remaining:  42 \r\n"
                                      "garbage line\r\n: no name\r\nRetry-After: 7\r\n");
    REQUIRE(h.size() == 3);
    CHECK(find_header(h, "content-type") == "application/json; charset=utf-8");
    CHECK(find_header(h, "x-rate-limit-remaining") == "42");
    CHECK(find_header(h, "retry-after") == "7");
    CHECK_FALSE(find_header(h, "x-missing"));
}

TEST_CASE("Basic authorization is base64 of user:password", "[http]") {
    CHECK(base64_encode("") == "");
    CHECK(base64_encode("f") == "Zg==");
    CHECK(base64_encode("fo") == "Zm8=");
    CHECK(base64_encode("foo") == "Zm9v");
    CHECK(basic_authorization("Aladdin", "open sesame") == "Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==");
}

TEST_CASE("A 2xx JSON answer is handed to the decoder with its rate-limit headers", "[http]") {
    HttpResponse r;
    r.status = 200;
    r.raw_headers = "content-type: application/json\r\nx-rate-limit-limit: 100\r\nx-rate-limit-remaining: 99\r\nx-rate-limit-config: Workers\r\n";
    const auto reading = read_response(r);
    CHECK_FALSE(reading.failure);
    CHECK(reading.rate_limit.limit == 100);
    CHECK(reading.rate_limit.remaining == 99);
    CHECK(reading.rate_limit.config == "Workers");
}

TEST_CASE("Every failure maps to a stable kind and a clear message", "[http]") {
    auto kind_of = [](int status, bool timed_out = false) {
        HttpResponse r;
        r.status = status;
        r.timed_out = timed_out;
        auto reading = read_response(r, "taskrouter.twilio.com");
        REQUIRE(reading.failure);
        return reading.failure->kind;
    };
    CHECK(kind_of(0) == "network");
    CHECK(kind_of(0, true) == "timeout");
    CHECK(kind_of(401) == "unauthorized");
    CHECK(kind_of(403) == "forbidden");
    CHECK(kind_of(404) == "not_found");
    CHECK(kind_of(429) == "rate_limited");
    CHECK(kind_of(500) == "server");
    CHECK(kind_of(503) == "server");
    CHECK(kind_of(400) == "http");
    CHECK(kind_of(302) == "http");
}

TEST_CASE("A Twilio error body gives the code and message shown to the user", "[http]") {
    HttpResponse r;
    r.status = 401;
    r.body = R"({"code": 20003, "message": "Authenticate", "more_info": "https://www.twilio.com/docs/errors/20003", "status": 401})";
    auto f = read_response(r).failure;
    REQUIRE(f);
    CHECK(f->twilio_code == 20003);
    CHECK(f->message == "Authenticate");
    CHECK(f->more_info == "https://www.twilio.com/docs/errors/20003");
    CHECK(f->title == "Authentication failed");
}

TEST_CASE("A more_info link that is not https is dropped", "[http]") {
    HttpResponse r;
    r.status = 404;
    r.body = R"J({"code": 20404, "message": "x", "more_info": "javascript:alert(1)"})J";
    auto f = read_response(r).failure;
    REQUIRE(f);
    CHECK(f->twilio_code == 20404);
    CHECK(f->more_info.empty());
}

TEST_CASE("A 429 carries Retry-After into the message", "[http]") {
    HttpResponse r;
    r.status = 429;
    r.raw_headers = "Retry-After: 30\r\n";
    auto reading = read_response(r);
    REQUIRE(reading.failure);
    CHECK(reading.rate_limit.retry_after == 30);
    CHECK_THAT(reading.failure->message, Catch::Contains("30 s"));
}

TEST_CASE("A 2xx answer that is not JSON is refused before decoding", "[http]") {
    HttpResponse r;
    r.status = 200;
    r.raw_headers = "Content-Type: text/html\r\n";
    r.body = "<html>captive portal</html>";
    auto reading = read_response(r);
    REQUIRE(reading.failure);
    CHECK(reading.failure->kind == "not_json");
    CHECK_THAT(reading.failure->message, Catch::Contains("text/html"));
}
