using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.ComponentModel;
using System.Linq;
using System.Reflection;

namespace Associations.Metadata
{
    /// <summary>
    /// The models of each assembly, registered by generated module initializers, so that
    /// <c>SyncAsync()</c> and <see cref="Associations.Schema"/> can find them without scanning types.
    /// </summary>
    public static class ModelRegistry
    {
        private static readonly ConcurrentDictionary<Assembly, Func<IReadOnlyList<ModelMetadata>>> ByAssembly = new();

        /// <summary>Called by generated code: registers the models of <paramref name="assembly"/>.</summary>
        [EditorBrowsable(EditorBrowsableState.Never)]
        public static void Register(Assembly assembly, Func<IReadOnlyList<ModelMetadata>> models) => ByAssembly[assembly] = models;

        /// <summary>The models of <paramref name="assembly"/> (empty when it has none).</summary>
        public static IReadOnlyList<ModelMetadata> ModelsOf(Assembly assembly) =>
            ByAssembly.TryGetValue(assembly, out var models) ? models() : Array.Empty<ModelMetadata>();

        /// <summary>Every registered model of every loaded assembly.</summary>
        public static IReadOnlyList<ModelMetadata> All => ByAssembly.Values.SelectMany(f => f()).ToArray();

        /// <summary>The metadata of the model class <paramref name="type"/>.</summary>
        public static ModelMetadata Find(Type type)
        {
            System.Runtime.CompilerServices.RuntimeHelpers.RunModuleConstructor(type.Module.ModuleHandle);
            return ModelsOf(type.Assembly).FirstOrDefault(m => m.ClrType == type)
                ?? throw new ArgumentException($"'{type.FullName}' is not a model: it needs an association attribute or [Model].", nameof(type));
        }
    }
}
