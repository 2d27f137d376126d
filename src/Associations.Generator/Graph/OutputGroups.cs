using System.Collections.Immutable;
using Associations.Generator.Model;

namespace Associations.Generator.Graph
{
    /// <summary>The models whose files (one each) one source output writes.</summary>
    internal sealed record OutputGroup(int Index, EquatableArray<ModelSpec> Models);

    /// <summary>
    /// The models split into a fixed number of source outputs by a stable hash of their full names.
    /// </summary>
    /// <remarks>
    /// Every output is visited on every run, even when it is cached: measured with step tracking on (as genscale and an
    /// IDE's generator diagnostics run it), 500 per-model outputs cost ~110 ms of an edit that changes nothing, one output
    /// ~7 ms. A fixed number of groups keeps that cost flat while a model edit still re-emits only its group (its own
    /// file and those of the few models that share its hash). The count never changes, so a model added or removed
    /// moves no other model to another group, and every group is always there (an empty one writes nothing), so the
    /// driver compares each group with the same group of the last run.
    /// </remarks>
    internal static class OutputGroups
    {
        public const int Count = 64;

        public static ImmutableArray<OutputGroup> Split(EquatableArray<ModelSpec> models)
        {
            var buckets = new System.Collections.Generic.List<ModelSpec>?[Count];
            foreach (var model in models)
            {
                var index = IndexOf(model.FullName);
                (buckets[index] ??= new System.Collections.Generic.List<ModelSpec>()).Add(model);
            }
            var groups = ImmutableArray.CreateBuilder<OutputGroup>(Count);
            for (var i = 0; i < Count; i++)
                groups.Add(new OutputGroup(i, buckets[i] is { } list ? new EquatableArray<ModelSpec>(list.ToArray()) : EquatableArray<ModelSpec>.Empty));
            return groups.MoveToImmutable();
        }

        /// <summary>FNV-1a of the name, the same in every process (string.GetHashCode is not).</summary>
        public static int IndexOf(string fullName)
        {
            unchecked
            {
                var hash = 2166136261u;
                foreach (var c in fullName) hash = (hash ^ c) * 16777619u;
                return (int)(hash % Count);
            }
        }
    }
}
