// The physical floor of the round-trip drill: a ROUTER that sends every message straight back, in C++ over
// libzmq (cppzmq), on a free loopback port. It prints its endpoint on one line, then echoes until its standard
// input closes (the drill that started it is done or gone) or the time limit given as its argument passes.
#include <zmq.hpp>

#include <chrono>
#include <cstdlib>
#include <iostream>
#include <string>
#include <unistd.h>
#include <vector>

int main(int argc, char** argv)
{
    const auto limit = std::chrono::seconds(argc > 1 ? std::atoi(argv[1]) : 900);
    const auto until = std::chrono::steady_clock::now() + limit;

    zmq::context_t context(1);
    zmq::socket_t router(context, zmq::socket_type::router);
    router.set(zmq::sockopt::linger, 0);
    router.set(zmq::sockopt::sndhwm, 100000);
    router.set(zmq::sockopt::rcvhwm, 100000);
    router.bind("tcp://127.0.0.1:*");
    std::cout << router.get(zmq::sockopt::last_endpoint) << std::endl;

    std::vector<zmq::pollitem_t> items = {
        {router.handle(), 0, ZMQ_POLLIN, 0},
        {nullptr, STDIN_FILENO, ZMQ_POLLIN, 0},
    };
    zmq::message_t identity;
    zmq::message_t payload;
    while (std::chrono::steady_clock::now() < until)
    {
        zmq::poll(items, std::chrono::milliseconds(1000));
        if (items[1].revents & ZMQ_POLLIN)
        {
            char buffer[256];
            if (read(STDIN_FILENO, buffer, sizeof buffer) <= 0) break;
        }
        if (!(items[0].revents & ZMQ_POLLIN)) continue;
        // Drain what is waiting, as the service's socket thread does, then poll again.
        while (router.recv(identity, zmq::recv_flags::dontwait))
        {
            if (!router.recv(payload, zmq::recv_flags::none)) break;
            router.send(identity, zmq::send_flags::sndmore);
            router.send(payload, zmq::send_flags::none);
        }
    }
    return 0;
}
