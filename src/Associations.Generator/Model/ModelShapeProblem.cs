namespace Associations.Generator.Model
{
    /// <summary>Why a class cannot be a model (ASSOC005): the generator adds members to it and creates its instances.</summary>
    internal enum ModelShapeProblem
    {
        NotAClass,
        Static,
        Generic,
        NestedInNonPartial,
        NestedInGeneric,
        NestedInHidden,
        HiddenInContainer,
        NotPartial,
        InvalidName,
        FileLocal,
        ObsoleteAsError,
        MemberDeclaredTwice,
        DeclaredAsTwoTypes,
        Abstract,
        NoParameterlessConstructor,
        RequiredMemberNotMapped,
    }
}
