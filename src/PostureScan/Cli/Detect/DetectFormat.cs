namespace PostureScan.Cli.Detect;

internal enum DetectFormat
{
    Table,
    Jsonl,
    Csv,
}
