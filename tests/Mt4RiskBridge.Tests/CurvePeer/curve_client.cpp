// A libzmq (not NetMQ) terminal stand-in that talks to Mt4RiskBridge over CURVE: it reads the server's public
// key from the file the service's keygen wrote, makes its own key pair, says hello with a token, streams a
// symbol, a quote, its (empty) positions and the account, asks one check and prints every reply on its own line.
//
//   curve_client <endpoint> <server-public-key-file> <login> <token>
//
// Exit codes: 0 a decision arrived; 1 usage or key file; 2 socket setup; 3 no reply in time; 4 unexpected reply.
#include <zmq.h>

#include <cstdio>
#include <cstring>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>

namespace {

constexpr int ReplyTimeoutMs = 5000;

std::string read_key(const char* path) {
    std::ifstream file(path);
    std::string key;
    file >> key;  // the file holds one Z85 key and white space
    return key;
}

bool send(void* socket, const std::string& text) {
    return zmq_send(socket, text.data(), text.size(), 0) == static_cast<int>(text.size());
}

// Waits for one frame; returns false on timeout.
bool receive(void* socket, std::string& text) {
    zmq_pollitem_t item{socket, 0, ZMQ_POLLIN, 0};
    if (zmq_poll(&item, 1, ReplyTimeoutMs) <= 0) return false;
    zmq_msg_t message;
    zmq_msg_init(&message);
    if (zmq_msg_recv(&message, socket, 0) < 0) {
        zmq_msg_close(&message);
        return false;
    }
    text.assign(static_cast<const char*>(zmq_msg_data(&message)), zmq_msg_size(&message));
    zmq_msg_close(&message);
    return true;
}

// Sends a request and prints the reply; returns the reply or an empty string on timeout.
std::string ask(void* socket, const std::string& request) {
    std::string reply;
    if (!send(socket, request) || !receive(socket, reply)) return {};
    std::cout << reply << std::endl;
    return reply;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 5) {
        std::cerr << "usage: curve_client <endpoint> <server-public-key-file> <login> <token>" << std::endl;
        return 1;
    }
    const std::string endpoint = argv[1];
    const std::string server_key = read_key(argv[2]);
    const std::string login = argv[3];
    const std::string token = argv[4];
    if (server_key.size() != 40) {
        std::cerr << "the server key file must hold one 40-character Z85 key" << std::endl;
        return 1;
    }

    char client_public[41];
    char client_secret[41];
    if (zmq_curve_keypair(client_public, client_secret) != 0) {
        std::cerr << "zmq_curve_keypair failed (libzmq built without CURVE?): " << zmq_strerror(zmq_errno()) << std::endl;
        return 2;
    }

    void* context = zmq_ctx_new();
    void* socket = zmq_socket(context, ZMQ_DEALER);
    const int linger = 0;
    const bool ready = zmq_setsockopt(socket, ZMQ_LINGER, &linger, sizeof linger) == 0
        && zmq_setsockopt(socket, ZMQ_CURVE_SERVERKEY, server_key.c_str(), 41) == 0
        && zmq_setsockopt(socket, ZMQ_CURVE_PUBLICKEY, client_public, 41) == 0
        && zmq_setsockopt(socket, ZMQ_CURVE_SECRETKEY, client_secret, 41) == 0
        && zmq_connect(socket, endpoint.c_str()) == 0;
    if (!ready) {
        std::cerr << "socket setup failed: " << zmq_strerror(zmq_errno()) << std::endl;
        return 2;
    }

    int result = 0;
    const std::string client = "curve_client, libzmq " + std::to_string(ZMQ_VERSION_MAJOR) + "." +
        std::to_string(ZMQ_VERSION_MINOR) + "." + std::to_string(ZMQ_VERSION_PATCH);
    const std::string welcome = ask(socket,
        R"({"v":1,"type":"hello","id":"h1","account":)" + login +
        R"(,"server":"Curve-Demo","currency":"USD","leverage":500,"marginCallLevel":100,"stopOutLevel":50,"stopOutMode":"percent","client":")" +
        client + R"(","token":")" + token + R"("})");
    if (welcome.empty()) {
        std::cerr << "no answer to hello within " << ReplyTimeoutMs << " ms" << std::endl;
        result = 3;
    } else if (welcome.find(R"("type":"welcome")") == std::string::npos) {
        result = 4;
    } else {
        send(socket, R"({"v":1,"type":"symbol","symbol":"EURUSD","digits":5,"point":0.00001,"contractSize":100000,"tickSize":0.00001,"tickValue":1,"minLot":0.01,"maxLot":100,"lotStep":0.01,"marginCalcMode":0,"marginInit":0,"marginHedged":50000,"baseCurrency":"EUR","profitCurrency":"USD","marginCurrency":"EUR","stopLevel":0})");
        send(socket, R"({"v":1,"type":"tick","symbol":"EURUSD","bid":1.1,"ask":1.1002,"time":1763640000})");
        send(socket, R"({"v":1,"type":"positions","positions":[]})");
        const std::string ack = ask(socket, R"({"v":1,"type":"account","id":"a1","balance":10000,"equity":10000,"margin":0,"freeMargin":10000,"leverage":500,"time":1763640000})");
        const std::string decision = ack.empty() ? std::string{} :
            ask(socket, R"({"v":1,"type":"check","id":"c1","symbol":"EURUSD","side":"buy","lots":1})");
        if (decision.empty()) result = 3;
        else if (decision.find(R"("type":"decision")") == std::string::npos) result = 4;
    }

    zmq_close(socket);
    zmq_ctx_term(context);
    return result;
}
