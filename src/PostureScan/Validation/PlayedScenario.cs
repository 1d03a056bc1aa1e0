using PostureScan.Emulator.Simulation;

namespace PostureScan.Validation;

/// <summary>
/// One adversary test as played, with what must follow from it: the calls made (and where their records
/// went), the mirror they built, and the findings and detections the product must raise.
/// </summary>
/// <param name="Name">aws, azure, gcp or cisco.</param>
/// <param name="Parts">The mirror's other parts that must be attributed to the adversary too (target, filter).</param>
/// <param name="DetectInputs">The detect inputs (live sources or files) that must each report every call.</param>
/// <param name="Sanctioned">The sanctioned mirrors of the same provider: they must raise no finding.</param>
/// <param name="Exercises">Mirrors of an exercise under an unexpired policy exception: their findings must be suppressed.</param>
internal sealed record PlayedScenario(
    string Name,
    string Title,
    SimulatedCaller Adversary,
    IReadOnlyList<PlayedCall> Calls,
    string SessionId,
    IReadOnlyList<string> Parts,
    IReadOnlyList<ExpectedFinding> Findings,
    IReadOnlyList<DetectInput> DetectInputs,
    IReadOnlyList<string> Sanctioned,
    IReadOnlyList<string> Exercises);
