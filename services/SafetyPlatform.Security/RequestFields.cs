using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace SafetyPlatform.Security;

/// <summary>
/// Reads and writes the string fields an access rule names, by dotted path (`work_item.client`),
/// through protobuf reflection, so one interceptor serves every method. A repeated message
/// field on the way stands for each of its elements; an unset message on the way holds nothing.
/// </summary>
public static class RequestFields
{
    public static bool Exists(MessageDescriptor type, string path)
    {
        var parts = path.Split('.');
        for (var i = 0; i < parts.Length; i++)
        {
            var field = type.FindFieldByName(parts[i]);
            if (field is null)
            {
                return false;
            }

            if (i == parts.Length - 1)
            {
                return field.FieldType == FieldType.String;
            }

            if (field.FieldType != FieldType.Message)
            {
                return false;
            }

            type = field.MessageType;
        }

        return false;
    }

    /// <summary>Whether the path ends in a repeated string, so that its values are named `path[i]`.</summary>
    public static bool EndsRepeated(MessageDescriptor type, string path)
    {
        var parts = path.Split('.');
        for (var i = 0; i < parts.Length - 1; i++)
        {
            type = type.FindFieldByName(parts[i]).MessageType;
        }

        return type.FindFieldByName(parts[^1]).IsRepeated;
    }

    /// <summary>The values at the path: one for a plain path (empty when unset), one per element through a repeated field or of a repeated string.</summary>
    public static IReadOnlyList<string> Read(IMessage message, string path)
    {
        var values = new List<string>();
        Visit(message, path.Split('.'), 0, (owner, field) =>
        {
            if (field.IsRepeated)
            {
                values.AddRange(((System.Collections.IEnumerable)field.Accessor.GetValue(owner)).Cast<string>());
            }
            else
            {
                values.Add((string)field.Accessor.GetValue(owner));
            }
        });
        return values;
    }

    /// <summary>Sets the value wherever the path leads to an existing message (only where it is empty, if asked).</summary>
    public static void Write(IMessage message, string path, string value, bool onlyWhereEmpty = false) =>
        Visit(message, path.Split('.'), 0, (owner, field) =>
        {
            if (!onlyWhereEmpty || ((string)field.Accessor.GetValue(owner)).Length == 0)
            {
                field.Accessor.SetValue(owner, value);
            }
        });

    private static void Visit(IMessage message, string[] parts, int index, Action<IMessage, FieldDescriptor> leaf)
    {
        var field = message.Descriptor.FindFieldByName(parts[index])
            ?? throw new InvalidOperationException($"{message.Descriptor.FullName} has no field '{parts[index]}'");
        if (index == parts.Length - 1)
        {
            leaf(message, field);
            return;
        }

        var value = field.Accessor.GetValue(message);
        if (field.IsRepeated)
        {
            foreach (var element in (System.Collections.IEnumerable)value)
            {
                Visit((IMessage)element, parts, index + 1, leaf);
            }
        }
        else if (value is IMessage child)
        {
            Visit(child, parts, index + 1, leaf);
        }
    }
}
