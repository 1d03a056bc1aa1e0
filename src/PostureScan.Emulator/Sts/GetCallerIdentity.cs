using PostureScan.Emulator.Aws;

namespace PostureScan.Emulator.Sts;

/// <summary>GetCallerIdentity: the account, ARN and user id behind the signing key.</summary>
internal static class GetCallerIdentity
{
    public static QueryResult Handle(QueryCall call) =>
        QueryXml.Response(call, StsService.Namespace, w =>
        {
            w.WriteElementString("Arn", call.Caller.Arn);
            w.WriteElementString("UserId", call.Caller.UserId);
            w.WriteElementString("Account", call.Caller.Account);
        });
}
