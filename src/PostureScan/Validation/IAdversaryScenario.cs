namespace PostureScan.Validation;

/// <summary>One of the four T1020.001 adversary tests: plays its calls into the estate and says what must follow.</summary>
internal interface IAdversaryScenario
{
    /// <summary>aws, azure, gcp or cisco (the --scenario value).</summary>
    string Name { get; }

    PlayedScenario Play(ValidationEstate estate);
}
