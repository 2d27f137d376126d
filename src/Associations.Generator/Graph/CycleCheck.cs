using System;
using System.Collections.Generic;
using System.Linq;
using Associations.Generator.Diagnostics;
using Associations.Generator.Model;

namespace Associations.Generator.Graph
{
    /// <summary>Foreign-key constraints that form a cycle among tables.</summary>
    internal static class CycleCheck
    {
        /// <summary>
        /// ASSOC001: foreign-key constraints that form a cycle among tables (a table referencing only itself
        /// is not one). Reported once per strongly connected group, with one cycle spelled out.
        /// </summary>
        public static void Check(List<ModelBuilder> models, List<DiagnosticInfo> diagnostics)
        {
            var edges = models.ToDictionary(m => m, m => m.ForeignKeys.Where(f => f.Constraint && f.Referenced != m && f.Referenced.Valid).ToList());
            var index = new Dictionary<ModelBuilder, int>();
            var low = new Dictionary<ModelBuilder, int>();
            var stack = new Stack<ModelBuilder>();
            var onStack = new HashSet<ModelBuilder>();
            var counter = 0;

            void Connect(ModelBuilder v)
            {
                index[v] = low[v] = counter++;
                stack.Push(v);
                onStack.Add(v);
                foreach (var fk in edges[v])
                {
                    var w = fk.Referenced;
                    if (!edges.ContainsKey(w)) continue;
                    if (!index.ContainsKey(w))
                    {
                        Connect(w);
                        low[v] = Math.Min(low[v], low[w]);
                    }
                    else if (onStack.Contains(w))
                    {
                        low[v] = Math.Min(low[v], index[w]);
                    }
                }
                if (low[v] != index[v]) return;
                var group = new HashSet<ModelBuilder>();
                ModelBuilder x;
                do
                {
                    x = stack.Pop();
                    onStack.Remove(x);
                    group.Add(x);
                } while (x != v);
                if (group.Count > 1) ReportCycle(group, edges, diagnostics);
            }

            foreach (var model in models)
                if (!index.ContainsKey(model)) Connect(model);
        }

        private static void ReportCycle(HashSet<ModelBuilder> group, Dictionary<ModelBuilder, List<ForeignKeyBuilder>> edges, List<DiagnosticInfo> diagnostics)
        {
            // Walk from the first model (by name) along edges inside the group until a model repeats.
            var start = group.OrderBy(m => m.Type.FullName, StringComparer.Ordinal).First();
            var path = new List<ModelBuilder> { start };
            var used = new List<ForeignKeyBuilder>();
            var current = start;
            while (true)
            {
                var fk = edges[current].Where(f => group.Contains(f.Referenced)).OrderBy(f => f.Referenced.Type.FullName, StringComparer.Ordinal).First();
                used.Add(fk);
                current = fk.Referenced;
                var seen = path.IndexOf(current);
                if (seen >= 0)
                {
                    path = path.Skip(seen).ToList();
                    used = used.Skip(seen).ToList();
                    path.Add(current);
                    break;
                }
                path.Add(current);
            }
            var chain = string.Join(" -> ", path.Select(m => m.Type.Name));
            var edge = used.FirstOrDefault(f => f.Declaration.Location is not null) ?? used[0];
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.CyclicForeignKeys, edge.Declaration.Location,
                new[] { chain, string.Join(", ", used.Select((f, i) => path[i].Type.Name + "." + f.Property)) }, ("Fix", "Constraints"))
                .WithOtherSide(used.Where(f => f != edge).Select(f => f.Declaration.Location).Where(l => l != edge.Declaration.Location).Distinct().ToArray()));
        }
    }
}
