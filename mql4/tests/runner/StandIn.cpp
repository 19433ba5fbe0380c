// A stand-in for the service, for developing and checking the MQL4 side without the .NET host, and for what the
// host cannot be asked to do on demand (push a warning or an instruction). Speaks just enough of protocol v1:
// welcome for hello, no_hello for anything before it, ack for ids, a decision for check, pushes for --push.
//   standin ENDPOINT [--verdict approve|reject|resize:LOTS] [--push true] [--silent true] [--seconds N]
//                    [--delay-ms N] [--push-warnings N] [--push-long N] [--push-close TICKET:LOTS] [--curve true]
//   --delay-ms        answer each check this much later
//   --push-warnings   after welcoming a strategy EA (not the monitor), push it N warnings
//   --push-long       after the monitor's first positions, push it a critical warning of N characters, 3 times
//   --push-close      after the monitor's first positions, push it a close instruction
//   --curve           be a CURVE server with a fresh key pair; prints "SERVERKEY <z85 public key>"
//   --size-lots       the lots a size request is answered with (default 0.25)
// Prints "BOUND <endpoint>" once bound and "RECV <json>" for every message; ends after --seconds (default 60)
// or, with --stdin true, when stdin reaches EOF.
#include <poll.h>
#include <unistd.h>
#include <zmq.h>

#include <chrono>
#include <cstdio>
#include <cstring>
#include <map>
#include <set>
#include <string>
#include <thread>

namespace
{
std::string Field(const std::string &json, const std::string &name)
{
    std::string key = "\"" + name + "\":";
    size_t at = json.find(key);
    if (at == std::string::npos)
        return "";
    at += key.size();
    if (json[at] == '"')
    {
        size_t end = json.find('"', at + 1);
        return json.substr(at + 1, end - at - 1);
    }
    size_t end = json.find_first_of(",}", at);
    return json.substr(at, end - at);
}

void Send(void *router, const std::string &identity, const std::string &json)
{
    zmq_send(router, identity.data(), identity.size(), ZMQ_SNDMORE);
    zmq_send(router, json.data(), json.size(), 0);
    std::printf("SENT %s\n", json.c_str());
    std::fflush(stdout);
}
}

int main(int argc, char **argv)
{
    if (argc < 2)
    {
        std::fprintf(stderr, "usage: standin ENDPOINT [--verdict approve|reject|resize:LOTS] [--push true] [--silent true] [--seconds N]\n");
        return 2;
    }
    std::map<std::string, std::string> options;
    for (int i = 2; i + 1 < argc; i += 2)
        options[argv[i] + 2] = argv[i + 1];
    std::string verdict = options.count("verdict") ? options["verdict"] : "approve";
    bool push = options["push"] == "true";
    bool silent = options["silent"] == "true";
    int seconds = options.count("seconds") ? std::stoi(options["seconds"]) : 60;
    bool watchStdin = options["stdin"] == "true";
    int delayMs = options.count("delay-ms") ? std::stoi(options["delay-ms"]) : 0;
    int pushWarnings = options.count("push-warnings") ? std::stoi(options["push-warnings"]) : 0;
    int pushLong = options.count("push-long") ? std::stoi(options["push-long"]) : 0;
    std::string pushClose = options["push-close"];
    std::string sizeLots = options.count("size-lots") ? options["size-lots"] : "0.25";

    void *context = zmq_ctx_new();
    void *router = zmq_socket(context, ZMQ_ROUTER);
    int linger = 0;
    zmq_setsockopt(router, ZMQ_LINGER, &linger, sizeof linger);
    if (options["curve"] == "true")
    {
        char publicKey[41];
        char secretKey[41];
        int server = 1;
        if (zmq_curve_keypair(publicKey, secretKey) != 0 ||
            zmq_setsockopt(router, ZMQ_CURVE_SERVER, &server, sizeof server) != 0 ||
            zmq_setsockopt(router, ZMQ_CURVE_SECRETKEY, secretKey, 40) != 0)
        {
            std::fprintf(stderr, "cannot be a CURVE server: %s\n", zmq_strerror(zmq_errno()));
            return 1;
        }
        std::printf("SERVERKEY %s\n", publicKey);
    }
    if (zmq_bind(router, argv[1]) != 0)
    {
        std::fprintf(stderr, "cannot bind %s: %s\n", argv[1], zmq_strerror(zmq_errno()));
        return 1;
    }
    char bound[256];
    size_t size = sizeof bound;
    zmq_getsockopt(router, ZMQ_LAST_ENDPOINT, bound, &size);
    std::printf("BOUND %s\n", bound);
    std::fflush(stdout);

    std::set<std::string> welcomed;
    std::set<std::string> pushed;
    std::map<std::string, std::string> clients;
    int sessions = 0;
    auto end = std::chrono::steady_clock::now() + std::chrono::seconds(seconds);
    while (std::chrono::steady_clock::now() < end)
    {
        zmq_pollitem_t items[2] = {{router, 0, ZMQ_POLLIN, 0}, {nullptr, 0, POLLIN, 0}};
        zmq_poll(items, watchStdin ? 2 : 1, 50);
        if (watchStdin && (items[1].revents & POLLIN))
        {
            char buffer[64];
            if (::read(0, buffer, sizeof buffer) <= 0)
                break;
        }
        if (!(items[0].revents & ZMQ_POLLIN))
            continue;
        zmq_msg_t part;
        zmq_msg_init(&part);
        zmq_msg_recv(&part, router, 0);
        std::string identity(static_cast<char *>(zmq_msg_data(&part)), zmq_msg_size(&part));
        zmq_msg_recv(&part, router, 0);
        std::string json(static_cast<char *>(zmq_msg_data(&part)), zmq_msg_size(&part));
        zmq_msg_close(&part);
        std::printf("RECV %s\n", json.c_str());
        std::fflush(stdout);
        if (silent)
            continue;
        std::string type = Field(json, "type");
        std::string id = Field(json, "id");
        std::string idField = id.empty() ? "" : "\"id\":\"" + id + "\",";
        if (type == "hello")
        {
            welcomed.insert(identity);
            clients[identity] = Field(json, "client");
            Send(router, identity, "{\"v\":1,\"type\":\"welcome\",\"session\":\"standin-" + std::to_string(::getpid()) + "-" + std::to_string(++sessions) +
                                       "\",\"protocol\":1,\"heartbeatMs\":300}");
            if (pushWarnings > 0 && clients[identity].find("Monitor") == std::string::npos && !pushed.count(identity))
            {
                pushed.insert(identity);
                for (int n = 1; n <= pushWarnings; ++n)
                    Send(router, identity, "{\"v\":1,\"type\":\"warning\",\"code\":\"margin_level\",\"severity\":\"warn\","
                                           "\"message\":\"warning " + std::to_string(n) + "\",\"details\":{}}");
            }
            continue;
        }
        if (!welcomed.count(identity))
        {
            Send(router, identity, "{\"v\":1,\"type\":\"error\"," + idField +
                                       "\"code\":\"no_hello\",\"message\":\"say hello first\"}");
            continue;
        }
        if (type == "check")
        {
            if (delayMs > 0)
                std::this_thread::sleep_for(std::chrono::milliseconds(delayMs));
            std::string lots = Field(json, "lots");
            std::string answer = verdict.rfind("resize:", 0) == 0 ? "resize" : verdict;
            std::string approved = answer == "resize" ? verdict.substr(7) : answer == "reject" ? "0" : lots;
            std::string reasons = answer == "approve" ? "[]"
                                  : answer == "resize"
                                      ? "[{\"code\":\"lot_cap_order\",\"message\":\"at most " + approved + " lots per order\",\"maxLots\":" + approved + "}]"
                                      : "[{\"code\":\"margin_floor\",\"message\":\"margin level would fall below 200 %\",\"maxLots\":0}]";
            Send(router, identity, "{\"v\":1,\"type\":\"decision\"," + idField + "\"verdict\":\"" + answer +
                                       "\",\"lots\":" + approved + ",\"requestedLots\":" + lots + ",\"reasons\":" + reasons +
                                       ",\"marginLevelAfter\":null,\"leverage\":\"unlimited\",\"tier\":{\"minEquity\":0,\"leverage\":\"unlimited\"}}");
            continue;
        }
        if (type == "size")
        {
            Send(router, identity, "{\"v\":1,\"type\":\"suggestion\"," + idField + "\"lots\":" + sizeLots + ",\"riskLots\":" + sizeLots +
                                       ",\"lossPerLot\":300,\"riskAmount\":100,\"reasons\":[]}");
            continue;
        }
        if (!id.empty())
            Send(router, identity, "{\"v\":1,\"type\":\"ack\",\"id\":\"" + id + "\"}");
        if ((pushLong > 0 || !pushClose.empty()) && type == "positions" && clients[identity].find("Monitor") != std::string::npos &&
            !pushed.count(identity))
        {
            pushed.insert(identity);
            if (pushLong > 0)
            {
                std::string text = "weekend exposure:";
                for (int n = 0; static_cast<int>(text.size()) < pushLong; ++n)
                    text += " EURUSD 1.00 lots gap " + std::to_string(n) + ";";
                text = text.substr(0, static_cast<size_t>(pushLong));
                for (int n = 0; n < 3; ++n)
                    Send(router, identity, "{\"v\":1,\"type\":\"warning\",\"code\":\"weekend_exposure\",\"severity\":\"critical\","
                                           "\"message\":\"" + text + "\",\"details\":{}}");
            }
            if (!pushClose.empty())
            {
                size_t colon = pushClose.find(':');
                Send(router, identity, "{\"v\":1,\"type\":\"instruction\",\"action\":\"close\",\"ticket\":" +
                                       pushClose.substr(0, colon) + ",\"lots\":" + pushClose.substr(colon + 1) + "}");
            }
        }
        if (push && type == "positions" && clients[identity].find("Monitor") != std::string::npos && !pushed.count(identity))
        {
            pushed.insert(identity);
            Send(router, identity, "{\"v\":1,\"type\":\"warning\",\"code\":\"margin_level\",\"severity\":\"warn\","
                                   "\"message\":\"Marge \xc3\xa0 180 % \xe2\x80\x94 pr\xc3\xa8s du plancher\",\"details\":{\"marginLevel\":180}}");
            Send(router, identity, "{\"v\":1,\"type\":\"warning\",\"code\":\"tier_crossing\",\"severity\":\"critical\","
                                   "\"message\":\"equity crossed into the 1:200 tier\",\"details\":{\"tier\":{\"minEquity\":10000,\"leverage\":200},\"leverage\":200}}");
            Send(router, identity, "{\"v\":1,\"type\":\"instruction\",\"action\":\"close\",\"ticket\":1001,\"lots\":0.2}");
        }
    }
    zmq_close(router);
    zmq_ctx_term(context);
    return 0;
}
