package digitlab.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ClientAddressTest {
    @Test
    void ipv4AsIs() {
        assertEquals("192.0.2.7", ClientAddress.key("192.0.2.7"));
        assertEquals("192.0.2.7", ClientAddress.key(" 192.0.2.7 "));
    }

    @Test
    void ipv6ByItsSlash64() {
        assertEquals("2001:db8:1:2::/64", ClientAddress.key("2001:db8:1:2:aaaa:bbbb:cccc:dddd"));
        assertEquals("2001:db8:1:2::/64", ClientAddress.key("2001:0DB8:0001:0002::1"));
        assertEquals("2001:db8:1:2::/64", ClientAddress.key("[2001:db8:1:2::ffff]"));
        assertEquals("2001:db8:0:0::/64", ClientAddress.key("2001:db8::1"));
        assertEquals("0:0:0:0::/64", ClientAddress.key("::1"));
        assertEquals("0:0:0:0::/64", ClientAddress.key("::"));
        assertEquals("fe80:0:0:0::/64", ClientAddress.key("fe80::1%eth0"));
        assertEquals("64:ff9b:0:0::/64", ClientAddress.key("64:ff9b::192.0.2.1"));
    }

    @Test
    void ipv4MappedIsTheIpv4Client() {
        assertEquals("192.0.2.1", ClientAddress.key("::ffff:192.0.2.1"));
        assertEquals("192.0.2.1", ClientAddress.key("0:0:0:0:0:ffff:c000:201"));
    }

    @Test
    void anythingElseIsKeptAsItIs() {
        for (String s : new String[] {
            "1:2:3",
            "1::2::3",
            "1:2:3:4:5:6:7:8:9",
            "g::1",
            "unknown",
            "12345::1",
            "::ffff:1.2.3",
            "::ffff:1.2.3.256",
            "1:2:3:4:5:6:7::8:9"
        }) {
            assertEquals(s, ClientAddress.key(s), s);
        }
    }
}
