#include "decoder.hpp"

#include <cmath>
#include <cstdint>
#include <new>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "datetime.hpp"
#include "sid.hpp"

namespace wstats {
namespace {

using json = nlohmann::json;

// Where in the schema a container sits. `skip` is anything the widget does not
// read (unknown fields, or a container of the wrong type already reported).
enum class Ctx { root, realtime, activity_list, activity_count, cumulative, duration_list, activity_duration, skip };

// Known fields, one bit each, to notice duplicate keys and missing fields.
enum Field : unsigned {
    f_none = 0,
    f_realtime = 1u << 0, f_cumulative = 1u << 1, f_account_sid = 1u << 2, f_workspace_sid = 1u << 3, f_url = 1u << 4,
    f_total_workers = 1u << 5, f_activity_statistics = 1u << 6,
    f_sid = 1u << 7, f_friendly_name = 1u << 8, f_workers = 1u << 9,
    f_avg = 1u << 10, f_min = 1u << 11, f_max = 1u << 12, f_total = 1u << 13,
    f_activity_durations = 1u << 14, f_start_time = 1u << 15, f_end_time = 1u << 16,
    f_created = 1u << 17, f_accepted = 1u << 18, f_rejected = 1u << 19, f_timed_out = 1u << 20,
    f_canceled = 1u << 21, f_rescinded = 1u << 22,
};

struct Frame {
    Ctx ctx;
    bool is_array;
    std::size_t index = 0;  // arrays: index of the next element
    std::string key;        // objects: the current key
    unsigned seen = 0;      // objects: known fields already read
};

// One JSON scalar as the SAX parser reports it.
struct Scalar {
    enum Kind { null, boolean, integer, unsigned_integer, floating, string } kind;
    std::int64_t i = 0;
    std::uint64_t u = 0;
    double d = 0;
    const std::string* text = nullptr;  // the string value, or the float's source text
};

const char* kind_name(Scalar::Kind k) {
    switch (k) {
        case Scalar::null: return "null";
        case Scalar::boolean: return "a boolean";
        case Scalar::integer:
        case Scalar::unsigned_integer: return "an integer";
        case Scalar::floating: return "a number with a fraction or exponent";
        case Scalar::string: return "a string";
    }
    return "a value";
}

class Handler {
public:
    Handler(WorkersStatistics& model, Diagnostics& diags, const DecodeOptions& opt)
        : model_(model), diags_(diags), opt_(opt) {}

    // --- SAX interface -----------------------------------------------------
    bool null() { return scalar(Scalar{Scalar::null}); }
    bool boolean(bool) { return scalar(Scalar{Scalar::boolean}); }
    bool number_integer(json::number_integer_t v) {
        Scalar s{Scalar::integer};
        s.i = v;
        return scalar(s);
    }
    bool number_unsigned(json::number_unsigned_t v) {
        Scalar s{Scalar::unsigned_integer};
        s.u = v;
        return scalar(s);
    }
    bool number_float(json::number_float_t v, const json::string_t& text) {
        Scalar s{Scalar::floating};
        s.d = v;
        s.text = &text;
        return scalar(s);
    }
    bool string(json::string_t& v) {
        Scalar s{Scalar::string};
        s.text = &v;
        return scalar(s);
    }
    bool binary(json::binary_t&) { return scalar(Scalar{Scalar::null}); }  // not produced by the JSON reader

    bool start_object(std::size_t) { return open(false); }
    bool start_array(std::size_t) { return open(true); }
    bool key(json::string_t& k) {
        stack_.back().key = k;
        return true;
    }
    bool end_object() { return close(); }
    bool end_array() { return close(); }

    bool parse_error(std::size_t position, const std::string&, const nlohmann::detail::exception& ex) {
        // nlohmann counts characters read, including the one that failed: the
        // offending byte is at offset position - 1.
        const std::size_t offset = position > 0 ? position - 1 : 0;
        std::string what = ex.what();
        // Drop nlohmann's "[json.exception.parse_error.101] parse error at line 1, column 9: " prefix.
        const std::size_t colon = what.find(": ");
        if (colon != std::string::npos) what = what.substr(colon + 2);
        add(Severity::error, "malformed_json",
            "malformed JSON at byte offset " + std::to_string(offset) + ": " + what, pointer());
        return false;
    }

private:
    WorkersStatistics& model_;
    Diagnostics& diags_;
    const DecodeOptions& opt_;
    std::vector<Frame> stack_;
    bool root_seen_ = false;
    bool capped_ = false;

    // --- diagnostics ---------------------------------------------------------
    void add(Severity s, const char* code, std::string message, std::string path) {
        if (diags_.size() >= opt_.max_diagnostics) {
            if (!capped_) {
                capped_ = true;
                diags_.push_back(Diagnostic{Severity::warning, "too_many_diagnostics",
                                            "more than " + std::to_string(opt_.max_diagnostics) +
                                                " problems; the rest are not listed",
                                            ""});
            }
            // An error must still make the result invalid even when not listed.
            if (s == Severity::error && !diags_.empty() && diags_.back().severity != Severity::error) {
                diags_.back().severity = Severity::error;
            }
            return;
        }
        diags_.push_back(Diagnostic{s, code, std::move(message), std::move(path)});
    }

    // JSON Pointer of the current position (the value being read).
    std::string pointer() const {
        std::string p;
        for (const Frame& f : stack_) {
            p += '/';
            p += f.is_array ? std::to_string(f.index) : json_pointer_escape(f.key);
        }
        return p;
    }

    // --- containers ----------------------------------------------------------
    bool open(bool is_array) {
        if (stack_.size() >= opt_.max_depth) {
            add(Severity::error, "nesting_too_deep",
                "the document nests deeper than " + std::to_string(opt_.max_depth) + " levels", pointer());
            return false;
        }
        Ctx child = Ctx::skip;
        if (stack_.empty()) {
            if (root_seen_ || is_array) {
                add(Severity::error, "wrong_type", "the response must be a JSON object", "");
            } else {
                child = Ctx::root;
            }
            root_seen_ = true;
        } else {
            // An array element keeps its index while open (its own paths use
            // it); the index advances when it closes.
            child = container_context(is_array);
        }
        stack_.push_back(Frame{child, is_array, 0, std::string(), 0});
        begin_container(child);
        return true;
    }

    bool close() {
        const Frame done = stack_.back();
        stack_.pop_back();
        end_container(done);
        advance();
        return true;
    }

    void advance() {
        if (!stack_.empty() && stack_.back().is_array) ++stack_.back().index;
    }

    // Which context a container opening at the current position gets; reports
    // a type error (and returns skip) when the schema wants something else.
    Ctx container_context(bool is_array) {
        const Frame& parent = stack_.back();
        auto want = [&](bool want_array, Ctx ctx, unsigned field) -> Ctx {
            if (!mark(field)) return Ctx::skip;
            if (want_array != is_array) {
                add(Severity::error, "wrong_type",
                    std::string("expected ") + (want_array ? "an array or null" : "an object or null") + ", found " +
                        (is_array ? "an array" : "an object"),
                    pointer());
                return Ctx::skip;
            }
            return ctx;
        };
        switch (parent.ctx) {
            case Ctx::root:
                if (parent.key == "realtime") return want(false, Ctx::realtime, f_realtime);
                if (parent.key == "cumulative") return want(false, Ctx::cumulative, f_cumulative);
                break;
            case Ctx::realtime:
                if (parent.key == "activity_statistics") return want(true, Ctx::activity_list, f_activity_statistics);
                break;
            case Ctx::cumulative:
                if (parent.key == "activity_durations") return want(true, Ctx::duration_list, f_activity_durations);
                break;
            case Ctx::activity_list:
                if (is_array) break;
                return Ctx::activity_count;
            case Ctx::duration_list:
                if (is_array) break;
                return Ctx::activity_duration;
            default:
                return Ctx::skip;
        }
        // A container where the schema has a scalar, or an array item that is not an object.
        const unsigned field = known_field(parent.ctx, parent.is_array ? std::string() : parent.key);
        if (field != f_none || parent.is_array) {
            if (field != f_none && !mark(field)) return Ctx::skip;
            add(Severity::error, "wrong_type",
                std::string("expected ") + (parent.is_array ? "an object" : "a scalar value") + ", found " +
                    (is_array ? "an array" : "an object"),
                pointer());
        }
        return Ctx::skip;  // unknown field: tolerated for forward compatibility
    }

    void begin_container(Ctx ctx) {
        switch (ctx) {
            case Ctx::realtime: model_.realtime.emplace(); break;
            case Ctx::cumulative: model_.cumulative.emplace(); break;
            // A repeated list key replaces the list (the last value wins).
            case Ctx::activity_list: model_.realtime->activity_statistics.clear(); break;
            case Ctx::duration_list: model_.cumulative->activity_durations.clear(); break;
            case Ctx::activity_count: model_.realtime->activity_statistics.emplace_back(); break;
            case Ctx::activity_duration: model_.cumulative->activity_durations.emplace_back(); break;
            default: break;
        }
    }

    void end_container(const Frame& f) {
        // Missing required fields in array items. The path is the item itself.
        if (f.ctx == Ctx::activity_count) {
            require(f, f_sid, "sid", Severity::error);
            require(f, f_workers, "workers", Severity::error);
        } else if (f.ctx == Ctx::activity_duration) {
            require(f, f_sid, "sid", Severity::error);
            for (auto [bit, name] : {std::pair{f_avg, "avg"}, {f_min, "min"}, {f_max, "max"}, {f_total, "total"}}) {
                require(f, bit, name, Severity::warning);
            }
        }
    }

    void require(const Frame& f, unsigned bit, const char* name, Severity s) {
        if (f.seen & bit) return;
        add(s, "missing_field",
            std::string("the field \"") + name + "\" is missing" + (s == Severity::warning ? "; 0 is assumed" : ""),
            pointer());
    }

    // Records that a known field was read; a second occurrence is reported and
    // then read again (the last value wins, as in JSON.parse).
    bool mark(unsigned field) {
        Frame& f = stack_.back();
        if (field == f_none || f.is_array) return true;
        if (f.seen & field) {
            add(Severity::warning, "duplicate_key",
                "the key \"" + f.key + "\" appears more than once; the last value is used", pointer());
        }
        f.seen |= field;
        return true;
    }

    static unsigned known_field(Ctx ctx, const std::string& k) {
        switch (ctx) {
            case Ctx::root:
                if (k == "realtime") return f_realtime;
                if (k == "cumulative") return f_cumulative;
                if (k == "account_sid") return f_account_sid;
                if (k == "workspace_sid") return f_workspace_sid;
                if (k == "url") return f_url;
                break;
            case Ctx::realtime:
                if (k == "total_workers") return f_total_workers;
                if (k == "activity_statistics") return f_activity_statistics;
                break;
            case Ctx::activity_count:
                if (k == "sid") return f_sid;
                if (k == "friendly_name") return f_friendly_name;
                if (k == "workers") return f_workers;
                break;
            case Ctx::activity_duration:
                if (k == "sid") return f_sid;
                if (k == "friendly_name") return f_friendly_name;
                if (k == "avg") return f_avg;
                if (k == "min") return f_min;
                if (k == "max") return f_max;
                if (k == "total") return f_total;
                break;
            case Ctx::cumulative:
                if (k == "activity_durations") return f_activity_durations;
                if (k == "start_time") return f_start_time;
                if (k == "end_time") return f_end_time;
                if (k == "reservations_created") return f_created;
                if (k == "reservations_accepted") return f_accepted;
                if (k == "reservations_rejected") return f_rejected;
                if (k == "reservations_timed_out") return f_timed_out;
                if (k == "reservations_canceled") return f_canceled;
                if (k == "reservations_rescinded") return f_rescinded;
                break;
            default: break;
        }
        return f_none;
    }

    // --- scalars -------------------------------------------------------------
    bool scalar(const Scalar& v) {
        if (stack_.empty()) {
            add(Severity::error, "wrong_type", std::string("the response must be a JSON object, found ") + kind_name(v.kind), "");
            root_seen_ = true;
            return true;
        }
        Frame& parent = stack_.back();
        if (parent.is_array) {
            if (parent.ctx == Ctx::activity_list || parent.ctx == Ctx::duration_list) {
                add(Severity::error, "wrong_type", std::string("expected an object, found ") + kind_name(v.kind), pointer());
            }
            advance();
            return true;
        }
        const unsigned field = known_field(parent.ctx, parent.key);
        if (field == f_none) return true;  // unknown field: tolerated
        mark(field);
        assign(parent.ctx, field, v);
        return true;
    }

    void type_error(const char* expected, const Scalar& v) {
        add(Severity::error, "wrong_type", std::string("expected ") + expected + ", found " + kind_name(v.kind), pointer());
    }

    // Reads a non-negative whole number. Returns false (after reporting) when it is not one.
    bool read_count(const Scalar& v, std::int64_t& out) {
        switch (v.kind) {
            case Scalar::integer:
                if (v.i < 0) {
                    add(Severity::error, "negative_count", "expected a count of zero or more, found " + std::to_string(v.i), pointer());
                    return false;
                }
                return in_range(static_cast<std::uint64_t>(v.i), out);
            case Scalar::unsigned_integer:
                return in_range(v.u, out);
            case Scalar::floating: {
                const std::string& t = *v.text;
                if (t.find_first_of(".eE") == std::string::npos) {
                    // nlohmann falls back to a double for integers beyond 64 bits.
                    add(Severity::error, "integer_overflow", "the integer " + t + " is too large (limit 2^53 - 1)", pointer());
                    return false;
                }
                if (!std::isfinite(v.d) || std::floor(v.d) != v.d) {
                    add(Severity::error, "wrong_type", "expected an integer, found the fractional number " + t, pointer());
                    return false;
                }
                if (v.d < 0) {
                    add(Severity::error, "negative_count", "expected a count of zero or more, found " + t, pointer());
                    return false;
                }
                if (v.d > static_cast<double>(kMaxExactInteger)) {
                    add(Severity::error, "integer_overflow", "the number " + t + " is too large (limit 2^53 - 1)", pointer());
                    return false;
                }
                add(Severity::warning, "integral_float", "expected an integer, found " + t + "; read as " +
                        std::to_string(static_cast<std::int64_t>(v.d)), pointer());
                out = static_cast<std::int64_t>(v.d);
                return true;
            }
            default:
                type_error("an integer", v);
                return false;
        }
    }

    bool in_range(std::uint64_t u, std::int64_t& out) {
        if (u > static_cast<std::uint64_t>(kMaxExactInteger)) {
            add(Severity::error, "integer_overflow", "the integer " + std::to_string(u) + " is too large (limit 2^53 - 1)", pointer());
            return false;
        }
        out = static_cast<std::int64_t>(u);
        return true;
    }

    // Reads a nullable string; null and absent are both "".
    bool read_string(const Scalar& v, std::string& out) {
        if (v.kind == Scalar::null) {
            out.clear();
            return true;
        }
        if (v.kind != Scalar::string) {
            type_error("a string or null", v);
            return false;
        }
        out = *v.text;
        return true;
    }

    void read_sid(const Scalar& v, SidKind kind, std::string& out, bool nullable) {
        if (!nullable && v.kind == Scalar::null) {
            type_error("a string", v);
            return;
        }
        if (!read_string(v, out) || out.empty()) return;
        if (auto why = sid_problem(out, kind)) {
            add(Severity::error, "invalid_sid", "not a " + std::string(sid_kind_name(kind)) + " SID: it " + *why, pointer());
        }
    }

    void read_time(const Scalar& v, std::string& text, std::optional<std::int64_t>& epoch) {
        epoch.reset();
        if (!read_string(v, text) || text.empty()) return;
        epoch = parse_iso8601(text);
        if (!epoch) {
            // Not fatal: the figures are still right, only the window is unknown.
            add(Severity::warning, "invalid_datetime", "not an ISO 8601 date-time; the window is shown as unknown", pointer());
        }
    }

    void assign(Ctx ctx, unsigned field, const Scalar& v) {
        switch (ctx) {
            case Ctx::root:
                switch (field) {
                    case f_realtime: model_.realtime.reset(); return null_or_type_error(v, "an object or null");
                    case f_cumulative: model_.cumulative.reset(); return null_or_type_error(v, "an object or null");
                    case f_account_sid: return read_sid(v, SidKind::account, model_.account_sid, true);
                    case f_workspace_sid: return read_sid(v, SidKind::workspace, model_.workspace_sid, true);
                    case f_url: read_string(v, model_.url); return;
                }
                return;
            case Ctx::realtime:
                if (field == f_total_workers) {
                    read_count(v, model_.realtime->total_workers);
                } else if (field == f_activity_statistics) {
                    model_.realtime->activity_statistics.clear();
                    null_or_type_error(v, "an array or null");
                }
                return;
            case Ctx::activity_count: {
                ActivityCount& a = model_.realtime->activity_statistics.back();
                if (field == f_sid) read_sid(v, SidKind::activity, a.sid, false);
                else if (field == f_friendly_name) read_string(v, a.friendly_name);
                else if (field == f_workers) read_count(v, a.workers);
                return;
            }
            case Ctx::activity_duration: {
                ActivityDuration& a = model_.cumulative->activity_durations.back();
                if (field == f_sid) read_sid(v, SidKind::activity, a.sid, false);
                else if (field == f_friendly_name) read_string(v, a.friendly_name);
                else if (field == f_avg) read_count(v, a.avg);
                else if (field == f_min) read_count(v, a.min);
                else if (field == f_max) read_count(v, a.max);
                else if (field == f_total) read_count(v, a.total);
                return;
            }
            case Ctx::cumulative: {
                CumulativeStatistics& c = *model_.cumulative;
                ReservationCounts& r = c.reservations;
                switch (field) {
                    case f_activity_durations: c.activity_durations.clear(); return null_or_type_error(v, "an array or null");
                    case f_start_time: return read_time(v, c.start_time, c.start_epoch);
                    case f_end_time: return read_time(v, c.end_time, c.end_epoch);
                    case f_created: read_count(v, r.created); return;
                    case f_accepted: read_count(v, r.accepted); return;
                    case f_rejected: read_count(v, r.rejected); return;
                    case f_timed_out: read_count(v, r.timed_out); return;
                    case f_canceled: read_count(v, r.canceled); return;
                    case f_rescinded: read_count(v, r.rescinded); return;
                }
                return;
            }
            default: return;
        }
    }

    void null_or_type_error(const Scalar& v, const char* expected) {
        if (v.kind != Scalar::null) type_error(expected, v);
    }
};

}  // namespace

DecodeResult decode_workers_statistics(std::string_view bytes, const DecodeOptions& options) {
    DecodeResult result;
    if (bytes.size() > options.max_bytes) {
        result.diagnostics.push_back(Diagnostic{
            Severity::error, "input_too_large",
            "the response is " + std::to_string(bytes.size()) + " bytes, more than the limit of " +
                std::to_string(options.max_bytes),
            ""});
        return result;
    }
    try {
        Handler handler(result.model, result.diagnostics, options);
        json::sax_parse(bytes.data(), bytes.data() + bytes.size(), &handler);
    } catch (const std::bad_alloc&) {
        result.model = WorkersStatistics{};
        result.diagnostics.push_back(Diagnostic{Severity::error, "out_of_memory", "not enough memory to decode the response", ""});
    } catch (const std::exception& e) {
        // sax_parse reports syntax errors through parse_error; anything else is a bug worth showing.
        result.diagnostics.push_back(Diagnostic{Severity::error, "internal_error", std::string("decoder failure: ") + e.what(), ""});
    }
    return result;
}

}  // namespace wstats
