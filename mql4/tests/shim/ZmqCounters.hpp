// What the harness counts of the binding's use: every socket and context made in this process, and connects.
#pragma once

struct ZmqShimCounters
{
    static int ContextsCreated();
    static int SocketsCreated();
    static int SocketsOpen();
    static int Connects();
};
