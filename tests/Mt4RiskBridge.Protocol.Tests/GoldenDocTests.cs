using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Mt4RiskBridge.Protocol.Tests;

/// <summary>Every JSON example in docs/protocol.md is a valid message with the documented values.</summary>
public sealed class GoldenDocTests
{
    public static TheoryData<int> ExampleIndexes()
    {
        var data = new TheoryData<int>();
        for (var i = 0; i < ProtocolDoc.Examples.Count; i++) data.Add(i);
        return data;
    }

    public static TheoryData<string> AllTypes() => [.. WireMessageType.ClientTypes, .. WireMessageType.ServiceTypes];

    [Theory]
    [MemberData(nameof(ExampleIndexes))]
    public void Example_Parses_ToTheDocumentedMessage(int index)
    {
        var example = ProtocolDoc.Examples[index];
        var type = TypeOf(example);
        var parsed = ParseAny(example);

        Assert.Equal(Samples.DocumentedByType[type], parsed);
        Assert.Equal(type, parsed.Type);
    }

    [Theory]
    [MemberData(nameof(ExampleIndexes))]
    public void Example_Reserialised_IsTheSameJson(int index)
    {
        var example = ProtocolDoc.Examples[index];
        var written = WireWriter.Serialize(ParseAny(example));

        Assert.True(
            JsonNode.DeepEquals(JsonNode.Parse(example), JsonNode.Parse(written)),
            $"doc:\n{example}\nwriter:\n{Encoding.UTF8.GetString(written)}");
    }

    [Theory]
    [MemberData(nameof(AllTypes))]
    public void Doc_EveryMessageType_HasExactlyOneExample(string type)
    {
        Assert.Single(ProtocolDoc.Examples, e => TypeOf(e) == type);
    }

    [Fact]
    public void Doc_EveryErrorCode_IsInTheCodeTable()
    {
        var doc = File.ReadAllText(ProtocolDoc.Path);
        Assert.All(WireErrorCode.All, code => Assert.Contains($"| `{code}` |", doc, StringComparison.Ordinal));
    }

    private static string TypeOf(string example)
    {
        using var document = JsonDocument.Parse(example);
        return document.RootElement.GetProperty("type").GetString()!;
    }

    private static WireMessage ParseAny(string example)
    {
        var bytes = Encoding.UTF8.GetBytes(example);
        if (WireMessageType.ClientTypes.Contains(TypeOf(example)))
        {
            var client = WireParser.Parse(bytes);
            Assert.True(client.IsSuccess, client.ToString());
            return client.Message;
        }
        var service = WireParser.ParseServiceMessage(bytes);
        Assert.True(service.IsSuccess, service.ToString());
        return service.Message;
    }
}
