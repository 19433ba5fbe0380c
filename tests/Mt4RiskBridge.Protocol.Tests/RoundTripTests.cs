using System.Buffers;
using System.Text;
using System.Text.Json;

namespace Mt4RiskBridge.Protocol.Tests;

/// <summary>Every message the writer produces parses back to an equal message.</summary>
public sealed class RoundTripTests
{
    public static TheoryData<WireMessage> Messages() => [.. Samples.DocumentedByType.Values, .. Samples.Variants()];

    [Theory]
    [MemberData(nameof(Messages))]
    public void Serialize_ThenParse_GivesAnEqualMessage(WireMessage message)
    {
        var frame = WireWriter.Serialize(message);

        Assert.Equal(message, ParseEither(frame));
    }

    [Theory]
    [MemberData(nameof(Messages))]
    public void Write_IntoBufferWriter_GivesTheSameBytesAsSerialize(WireMessage message)
    {
        var buffer = new ArrayBufferWriter<byte>();
        WireWriter.Write(buffer, message);

        Assert.Equal(WireWriter.Serialize(message), buffer.WrittenSpan.ToArray());
    }

    [Theory]
    [MemberData(nameof(Messages))]
    public void Serialize_Always_StartsWithVersionAndType(WireMessage message)
    {
        using var json = JsonDocument.Parse(WireWriter.Serialize(message));
        using var properties = json.RootElement.EnumerateObject();

        Assert.True(properties.MoveNext());
        Assert.Equal("v", properties.Current.Name);
        Assert.Equal(1, properties.Current.Value.GetInt32());
        Assert.True(properties.MoveNext());
        Assert.Equal("type", properties.Current.Name);
        Assert.Equal(message.Type, properties.Current.Value.GetString());
    }

    [Fact]
    public void ConvenienceWriters_GiveTheirMessages()
    {
        Assert.Equal(new WelcomeMessage("s1", 1500) { Id = "h" }, ParseEither(WireWriter.Welcome("h", "s1", 1500)));
        Assert.Equal(new AckMessage { Id = "a1" }, ParseEither(WireWriter.Ack("a1")));
        Assert.Equal(new WireError(WireErrorCode.TooLarge, "frame is 10485760 bytes") { Id = null },
            ParseEither(WireWriter.Error(null, WireErrorCode.TooLarge, "frame is 10485760 bytes")));
        var warning = new WarningMessage("w", WarningSeverity.Info, "m", [WarningDetail.Of("n", 1.5m)]);
        Assert.Equal(warning, ParseEither(WireWriter.Warning(warning)));
        var instruction = new InstructionMessage(InstructionAction.Close, 5, 0.3m) { Id = "i" };
        Assert.Equal(instruction, ParseEither(WireWriter.Instruction(instruction)));
    }

    [Fact]
    public void Serialize_NonAsciiText_IsWrittenAsUtf8()
    {
        var frame = WireWriter.Error("x", WireErrorCode.BadField, "lots ≥ 0 <€>");

        Assert.Contains("lots ≥ 0 <€>", Encoding.UTF8.GetString(frame), StringComparison.Ordinal);
    }

    [Fact]
    public void Serialize_ManyLargeFramesOnOneThread_StaysCorrect()
    {
        var big = new PositionsMessage([.. Enumerable.Range(1, 2000).Select(i => Samples.EurusdBuy with { Ticket = i })]);
        var small = new HeartbeatMessage { Id = "z" };

        Assert.Equal(big, ParseEither(WireWriter.Serialize(big)));
        Assert.Equal(small, ParseEither(WireWriter.Serialize(small)));
        Assert.Equal(big, ParseEither(WireWriter.Serialize(big)));
    }

    internal static WireMessage ParseEither(byte[] frame)
    {
        var client = WireParser.Parse(frame);
        if (client.IsSuccess) return client.Message;
        var service = WireParser.ParseServiceMessage(frame);
        Assert.True(service.IsSuccess, $"{client} / {service} for {Encoding.UTF8.GetString(frame)}");
        return service.Message;
    }
}
