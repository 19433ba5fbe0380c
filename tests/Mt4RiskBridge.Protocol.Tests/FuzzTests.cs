using CsCheck;

namespace Mt4RiskBridge.Protocol.Tests;

/// <summary>Properties over generated input: the parser never throws, and generated messages round-trip.</summary>
public sealed class FuzzTests
{
    private static readonly byte[][] Seeds =
        [.. Samples.DocumentedByType.Values.Concat(Samples.Variants()).Select(WireWriter.Serialize)];

    private static readonly Gen<(int Kind, int Position, byte Value)> Mutation =
        Gen.Select(Gen.Int[0, 4], Gen.Int[0, int.MaxValue], Gen.OneOf<byte>(Gen.Byte, Gen.OneOf("{}[]\",:-.0123456789eEnNaI\\u \0"u8.ToArray())));

    private static readonly Gen<decimal> Price = Gen.Long[1, 99_999_999].Select(n => n / 100_000m);

    private static readonly Gen<decimal> Money = Gen.Long[-10_000_000_000, 10_000_000_000].Select(n => n / 100m);

    private static readonly Gen<WirePosition> Position =
        Gen.Select(Gen.Long[1, long.MaxValue], Gen.String[Gen.Char.AlphaNumeric, 1, 12], Gen.Bool, Gen.Int[1, 100_000], Price, Money, Gen.Long, Gen.Long[0, 4_000_000_000])
            .Select((ticket, symbol, buy, lots, price, money, magic, time) =>
                new WirePosition(ticket, symbol, buy ? WireSide.Buy : WireSide.Sell, lots / 100m, price, price, 0m, money, -money, money, time, magic));

    [Fact]
    public void Parse_RandomMutationsOfValidFrames_NeverThrows()
    {
        Gen.Select(Gen.Int[0, Seeds.Length - 1], Mutation.Array[1, 8])
            .Sample((seed, mutations) =>
            {
                var frame = Mutate(Seeds[seed], mutations);
                var client = WireParser.Parse(frame);
                var service = WireParser.ParseServiceMessage(frame);
                AssertWellFormed(client.IsSuccess, client.Error);
                AssertWellFormed(service.IsSuccess, service.Error);
            }, iter: 20_000);
    }

    [Fact]
    public void Parse_RandomBytes_NeverThrows()
    {
        Gen.Byte.Array[0, 200].Sample(frame =>
        {
            var result = WireParser.Parse(frame);
            Assert.False(result.IsSuccess);
            Assert.Contains(result.Error.Code, WireErrorCode.All);
        }, iter: 5_000);
    }

    [Fact]
    public void Serialize_GeneratedPositions_RoundTrip()
    {
        Position.Array[0, 20].Sample(positions =>
        {
            var message = new PositionsMessage([.. positions]) { Id = "p" };
            Assert.Equal(message, RoundTripTests.ParseEither(WireWriter.Serialize(message)));
        }, iter: 500);
    }

    [Fact]
    public void Serialize_GeneratedChecks_RoundTrip()
    {
        Gen.Select(Gen.Int[1, 100_000], Price, Gen.Int[0, 2], Position.Array[0, 5], Money, Gen.String)
            .Sample((lots, price, type, positions, money, comment) =>
            {
                var message = new CheckMessage(
                    "EURUSD", WireSide.Sell, lots / 100m, (WireOrderType)type, price, price, null, 3, comment,
                    new CheckSnapshot(money, money, Math.Abs(money), [.. positions])) { Id = comment.Length > 0 && comment.Length <= 64 ? comment : "id" };
                Assert.Equal(message, RoundTripTests.ParseEither(WireWriter.Serialize(message)));
            }, iter: 500);
    }

    private static void AssertWellFormed(bool success, WireError? error)
    {
        if (success) return;
        Assert.NotNull(error);
        Assert.Contains(error.Code, WireErrorCode.All);
        Assert.False(string.IsNullOrEmpty(error.Message));
    }

    private static byte[] Mutate(byte[] frame, (int Kind, int Position, byte Value)[] mutations)
    {
        var bytes = new List<byte>(frame);
        foreach (var (kind, position, value) in mutations)
        {
            var at = bytes.Count == 0 ? 0 : position % (bytes.Count + 1);
            switch (kind)
            {
                case 0 when at < bytes.Count: bytes[at] = value; break;
                case 1: bytes.Insert(at, value); break;
                case 2 when at < bytes.Count: bytes.RemoveAt(at); break;
                case 3: bytes.RemoveRange(at, bytes.Count - at); break;
                default: if (at < bytes.Count) bytes[at] ^= (byte)(1 << (value % 8)); break;
            }
        }
        return [.. bytes];
    }
}
