using PostureScan.Cisco.Parsing;

namespace PostureScan.Cisco.Tests;

public sealed class ListParsingTests
{
    [Theory]
    [InlineData("Gi1/0/1 - 3 , Gi1/0/5", "Gi1/0/1 Gi1/0/2 Gi1/0/3 Gi1/0/5")]
    [InlineData("Gi1/0/1-3,Gi1/0/5", "Gi1/0/1 Gi1/0/2 Gi1/0/3 Gi1/0/5")]
    [InlineData("ethernet 1/10-11", "ethernet1/10 ethernet1/11")]
    [InlineData("Eth1/7 Eth1/8", "Eth1/7 Eth1/8")]
    [InlineData("Gi2/2/0.100", "Gi2/2/0.100")]
    [InlineData("port-channel10", "port-channel10")]
    [InlineData("Gi1/0/1, gi1/0/1", "Gi1/0/1")]
    public void Interface_lists_expand(string text, string expected)
    {
        Assert.True(InterfaceList.TryParse(text, out var names));
        Assert.Equal(expected.Split(' '), names);
    }

    [Theory]
    [InlineData("")]
    [InlineData("1/0/1")]
    [InlineData("Gi1/0/5 - 2")]
    [InlineData("Gi1/0/1 - 9999")]
    [InlineData("Gi1/0/1; reload")]
    public void Interface_lists_reject_what_is_not_a_list(string text)
    {
        Assert.False(InterfaceList.TryParse(text, out _));
    }

    [Theory]
    [InlineData("10 , 20 - 22", "10 20 21 22", "10,20-22")]
    [InlineData("100-102,110", "100 101 102 110", "100-102,110")]
    [InlineData("5", "5", "5")]
    public void Vlan_lists_expand_and_format(string text, string expected, string formatted)
    {
        Assert.True(VlanList.TryParse(text, out var vlans));
        Assert.Equal(expected.Split(' ').Select(int.Parse), vlans);
        Assert.Equal(formatted, VlanList.Format(vlans));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("4095")]
    [InlineData("20-10")]
    [InlineData("abc")]
    [InlineData(",")]
    public void Vlan_lists_reject_out_of_range_or_garbled(string text)
    {
        Assert.False(VlanList.TryParse(text, out _));
    }
}
